import MFAOTP
import PropertyBased
import Testing

@Suite struct Base32Tests {
    /// RFC 4648 §10, without the padding MFACore leaves off.
    static let rfcVectors: [(text: String, base32: String)] = [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ]

    @Test(arguments: rfcVectors)
    func encodesTheRFCVectorsWithoutPadding(text: String, base32: String) {
        #expect(Base32.encode(Array(text.utf8)) == base32)
    }

    @Test(arguments: rfcVectors)
    func decodesTheRFCVectorsWithAndWithoutPadding(text: String, base32: String) throws {
        let padded = base32 + String(repeating: "=", count: (8 - base32.count % 8) % 8)
        #expect(try Base32.decode(base32) == Array(text.utf8))
        #expect(try Base32.decode(padded) == Array(text.utf8))
    }

    @Test func decodesLowerCaseAndIgnoresSpaces() throws {
        #expect(try Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
        #expect(try Base32.decode(" MZXW6YQ= ") == Array("foob".utf8))
    }

    @Test func refusesACharacterOutsideTheAlphabetWithItsPosition() {
        #expect(throws: Base32DecodingError.invalidCharacter("1", position: 3)) { try Base32.decode("MZX1") }
        #expect(throws: Base32DecodingError.invalidCharacter("-", position: 4)) { try Base32.decode("MZXW-6YTB") }
        #expect(throws: Base32DecodingError.invalidCharacter("é", position: 0)) { try Base32.decode("é") }
    }

    @Test func refusesSymbolsAfterPadding() {
        #expect(throws: Base32DecodingError.invalidCharacter("A", position: 3)) { try Base32.decode("MY=A") }
    }

    @Test(arguments: ["M", "MZX", "MZXW6Y", "MZXW6YTBM"])
    func refusesSymbolCountsNoByteCountYields(text: String) {
        #expect(throws: Base32DecodingError.invalidLength(symbolCount: text.count)) { try Base32.decode(text) }
    }

    @Test(arguments: ["MZ", "MZXR", "MZXW7", "MZXW6YR", "MZXW6YTBOJ"])
    func refusesNonZeroTrailingBits(text: String) {
        #expect(throws: Base32DecodingError.nonZeroTrailingBits) { try Base32.decode(text) }
    }

    @Test func errorMessagesSayWhatIsWrong() {
        #expect("\(Base32DecodingError.invalidCharacter("1", position: 3))".contains("\"1\" at position 3"))
        #expect("\(Base32DecodingError.invalidLength(symbolCount: 3))".contains("3 symbols"))
    }

    @Test func decodingReversesEncoding() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...80)) { bytes in
            let decoded = try Base32.decode(Base32.encode(bytes))
            #expect(decoded == bytes)
        }
    }
}
