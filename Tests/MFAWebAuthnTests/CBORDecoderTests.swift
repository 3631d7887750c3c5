import MFAWebAuthn
import Testing

@Suite("The strict CBOR decoder")
struct CBORDecoderTests {
    let decoder = CBORDecoder()

    func refusal(_ bytes: [UInt8], _ decoder: CBORDecoder = CBORDecoder()) -> CBORError? {
        do {
            _ = try decoder.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("decodes every kind it allows")
    func decodesAllowedKinds() throws {
        #expect(try decoder.decode([0x00]) == .unsigned(0))
        #expect(try decoder.decode([0x17]) == .unsigned(23))
        #expect(try decoder.decode([0x18, 0x18]) == .unsigned(24))
        #expect(try decoder.decode([0x19, 0x01, 0x00]) == .unsigned(256))
        #expect(try decoder.decode([0x1A, 0x00, 0x01, 0x00, 0x00]) == .unsigned(65536))
        #expect(try decoder.decode([0x1B, 0, 0, 0, 1, 0, 0, 0, 0]) == .unsigned(1 << 32))
        #expect(try decoder.decode([0x20]) == .negative(0))
        #expect(try decoder.decode([0x20]).integer == -1)
        #expect(try decoder.decode([0x39, 0x01, 0x00]).integer == -257)
        #expect(try decoder.decode([0x43, 1, 2, 3]) == .bytes([1, 2, 3]))
        #expect(try decoder.decode([0x62, 0x68, 0x69]) == .text("hi"))
        #expect(try decoder.decode([0x82, 0x01, 0xF6]) == .array([.unsigned(1), .null]))
        #expect(try decoder.decode([0xA1, 0x61, 0x61, 0xF5]) == cborMap([(.text("a"), .bool(true))]))
        #expect(try decoder.decode([0xF4]) == .bool(false))
    }

    @Test("a round trip through the test encoder gives the same value")
    func roundTrip() throws {
        let value = cborMap([
            (int(1), int(2)), (int(-300), .bytes(Array(repeating: 7, count: 300))),
            (.text("k"), .array([int(70000), int(-5_000_000_000), .text("é"), .null])),
        ])
        #expect(try decoder.decode(cbor(value)) == value)
    }

    @Test("integers, lengths and counts must be in shortest form")
    func shortestForm() {
        #expect(refusal([0x18, 0x17]) == .nonShortestEncoding)  // 23 in one extra byte
        #expect(refusal([0x19, 0x00, 0xFF]) == .nonShortestEncoding)
        #expect(refusal([0x1A, 0x00, 0x00, 0xFF, 0xFF]) == .nonShortestEncoding)
        #expect(refusal([0x1B, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]) == .nonShortestEncoding)
        #expect(refusal([0x38, 0x01]) == .nonShortestEncoding)  // -2 the long way
        #expect(refusal([0x58, 0x01, 0xAA]) == .nonShortestEncoding)  // byte string length 1
        #expect(refusal([0x78, 0x00]) == .nonShortestEncoding)  // text length 0
        #expect(refusal([0x98, 0x01, 0x00]) == .nonShortestEncoding)  // array count 1
        #expect(refusal([0xB8, 0x00]) == .nonShortestEncoding)  // map count 0
    }

    @Test("indefinite lengths and lone breaks are refused")
    func indefiniteLengths() {
        #expect(refusal([0x5F, 0x41, 0x00, 0xFF]) == .indefiniteLength)
        #expect(refusal([0x7F, 0x61, 0x61, 0xFF]) == .indefiniteLength)
        #expect(refusal([0x9F, 0x01, 0xFF]) == .indefiniteLength)
        #expect(refusal([0xBF, 0x01, 0x02, 0xFF]) == .indefiniteLength)
        #expect(refusal([0xFF]) == .indefiniteLength)
        #expect(refusal([0x1F]) == .reservedAdditionalInformation)
        #expect(refusal([0x1C]) == .reservedAdditionalInformation)
        #expect(refusal([0x5D]) == .reservedAdditionalInformation)
    }

    @Test("tags, floats, undefined and other simple values are refused")
    func disallowedKinds() {
        #expect(refusal([0xC0, 0x60]) == .tagNotAllowed)
        #expect(refusal([0xD8, 0x18, 0x40]) == .tagNotAllowed)
        #expect(refusal([0xF9, 0x3C, 0x00]) == .floatNotAllowed)
        #expect(refusal([0xFA, 0, 0, 0, 0]) == .floatNotAllowed)
        #expect(refusal([0xFB, 0, 0, 0, 0, 0, 0, 0, 0]) == .floatNotAllowed)
        #expect(refusal([0xF7]) == .simpleValueNotAllowed)
        #expect(refusal([0xE0]) == .simpleValueNotAllowed)
        #expect(refusal([0xF8, 0x20]) == .simpleValueNotAllowed)
    }

    @Test("text strings must be UTF-8")
    func utf8() {
        #expect(refusal([0x62, 0xC3, 0x28]) == .invalidUTF8)
        #expect(refusal([0x61, 0xFF]) == .invalidUTF8)
    }

    @Test("truncated input is refused at every cut")
    func truncated() {
        let full = cbor(cborMap([(.text("a"), .bytes([1, 2, 3])), (int(-70000), .array([int(1), .text("xyz")]))]))
        for length in 0..<full.count {
            let error = refusal(Array(full.prefix(length)))
            #expect(error == .truncated || error == .lengthExceedsInput, "cut at \(length)")
        }
        #expect(refusal(full) == nil)
    }

    @Test("declared lengths larger than the input are refused before allocating")
    func oversizeLengths() {
        #expect(refusal([0x5B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == .lengthExceedsInput)
        #expect(refusal([0x7A, 0xFF, 0xFF, 0xFF, 0xFF, 0x61]) == .lengthExceedsInput)
        #expect(refusal([0x9B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == .lengthExceedsInput)
        #expect(refusal([0xBA, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02]) == .lengthExceedsInput)
        #expect(refusal([0x42, 0x01]) == .lengthExceedsInput)
    }

    @Test("collections larger than the count limit are refused")
    func collectionLimit() {
        let decoder = CBORDecoder(limits: .init(maximumCollectionCount: 3))
        #expect(refusal([0x84, 1, 2, 3, 4], decoder) == .collectionTooLarge)
        #expect(refusal([0x83, 1, 2, 3], decoder) == nil)
    }

    @Test("inputs larger than the size limit are refused")
    func sizeLimit() {
        let decoder = CBORDecoder(limits: .init(maximumInputSize: 10))
        #expect(refusal(cbor(.bytes(Array(repeating: 0, count: 20))), decoder) == .inputTooLarge)
        #expect(refusal(cbor(.bytes(Array(repeating: 0, count: 9))), decoder) == nil)
    }

    @Test("nesting deeper than the depth limit is refused")
    func depthLimit() {
        let decoder = CBORDecoder(limits: .init(maximumDepth: 4))
        #expect(refusal(Array(repeating: 0x81, count: 4) + [0x00], decoder) == nil)
        #expect(refusal(Array(repeating: 0x81, count: 5) + [0x00], decoder) == .depthLimitExceeded)
        #expect(refusal(Array(repeating: 0xA1, count: 1) + [0x01] + [0x81, 0x81, 0x81, 0x81, 0x00], decoder) == .depthLimitExceeded)
        // The default limit stops a deep input long before the stack could.
        #expect(refusal(Array(repeating: 0x81, count: 60_000) + [0x00]) == .depthLimitExceeded)
    }

    @Test("a key appearing twice in one map is refused")
    func duplicateKeys() {
        #expect(refusal([0xA2, 0x01, 0x00, 0x01, 0x00]) == .duplicateMapKey)
        #expect(refusal([0xA2, 0x61, 0x61, 0x00, 0x61, 0x61, 0x01]) == .duplicateMapKey)
        #expect(refusal([0xA2, 0x20, 0x00, 0x20, 0x00]) == .duplicateMapKey)
        #expect(refusal([0xA2, 0x01, 0x00, 0x20, 0x00]) == nil)  // 1 and -1 differ
    }

    @Test("map keys must be integers or text")
    func keyTypes() {
        #expect(refusal([0xA1, 0x41, 0x00, 0x00]) == .mapKeyTypeNotAllowed)
        #expect(refusal([0xA1, 0x80, 0x00]) == .mapKeyTypeNotAllowed)
        #expect(refusal([0xA1, 0xF6, 0x00]) == .mapKeyTypeNotAllowed)
    }

    @Test("canonical map order is enforced only when asked")
    func canonicalOrder() {
        let canonical = CBORDecoder(limits: .init(requireCanonicalMapOrder: true))
        let ordered: [UInt8] = [0xA5, 0x01, 0x00, 0x03, 0x00, 0x20, 0x00, 0x21, 0x00, 0x61, 0x61, 0x00]
        #expect(refusal(ordered, canonical) == nil)
        #expect(refusal([0xA2, 0x03, 0x00, 0x01, 0x00], canonical) == .mapKeysNotInCanonicalOrder)
        #expect(refusal([0xA2, 0x20, 0x00, 0x01, 0x00], canonical) == .mapKeysNotInCanonicalOrder)  // negative before unsigned
        #expect(refusal([0xA2, 0x18, 0x18, 0x00, 0x17, 0x00], canonical) == .mapKeysNotInCanonicalOrder)  // longer first
        #expect(refusal([0xA2, 0x62, 0x61, 0x61, 0x00, 0x61, 0x62, 0x00], canonical) == .mapKeysNotInCanonicalOrder)  // "aa" before "b"
        #expect(refusal([0xA2, 0x03, 0x00, 0x01, 0x00]) == nil)
    }

    @Test("trailing bytes are refused by decode and measured by decodeItem")
    func itemLength() throws {
        #expect(refusal([0x01, 0x02]) == .trailingBytes)
        let bytes: [UInt8] = [0xEE, 0xA1, 0x01, 0x42, 0xAA, 0xBB, 0x99, 0x98]
        let (value, length) = try decoder.decodeItem(in: bytes, at: 1)
        #expect(length == 5)
        #expect(value == cborMap([(int(1), .bytes([0xAA, 0xBB]))]))
    }

    @Test("error descriptions name the check and never the input")
    func descriptions() {
        #expect(CBORError.duplicateMapKey.description == "CBOR: a map key appears twice")
        #expect(!CBORError.invalidUTF8.description.contains("0x"))
    }
}
