@testable import MFAQRCode
import Testing

/// The proof that matters: a real reader (librsvg renders the SVG, ZBar scans the
/// PNG) gets back exactly the bytes that were encoded.
@Suite struct DecoderRoundTripTests {
    @Test func typicalOtpauthURIDecodesExactly() throws {
        let code = try QRCode(encoding: Payloads.typicalURI)
        #expect(try Decoder.decode(code) == Array(Payloads.typicalURI.utf8))
    }

    @Test(arguments: [40, 100, 160, 250, 300, 400, 1000])
    func otpauthURIsOfManyLengthsDecodeExactly(length: Int) throws {
        let uri = Payloads.otpauthURI(length: length)
        #expect(uri.utf8.count == length)
        let code = try QRCode(encoding: uri)
        #expect(try Decoder.decode(code) == Array(uri.utf8), "version \(code.version)")
    }

    @Test func utf8TextDecodesToTheSameBytes() throws {
        let text = "otpauth://totp/Zürich%20Bank:José?secret=JBSWY3DPEHPK3PXP&issuer=Zürich — 東京 ✓ 🔐"
        let code = try QRCode(encoding: text)
        #expect(try Decoder.decode(code) == Array(text.utf8))
    }

    /// A full symbol of every version, so each block layout and, from version 7, the version information is read back.
    @Test(arguments: SymbolVersion.all)
    func everyVersionFilledToCapacityDecodes(version: SymbolVersion) throws {
        let data = Payloads.binary(count: version.byteCapacity(.medium))
        let code = try QRCode(encoding: data)
        #expect(code.version == version.number)
        #expect(try Decoder.decode(code, moduleSize: 3) == data)
    }

    @Test(arguments: QRCode.ErrorCorrection.allCases, [1, 7, 23, 40])
    func everyLevelDecodes(correction: QRCode.ErrorCorrection, versionNumber: Int) throws {
        let data = Payloads.binary(count: SymbolVersion(number: versionNumber).byteCapacity(correction))
        let code = try QRCode(encoding: data, correction: correction)
        #expect(code.version == versionNumber)
        #expect(code.correction == correction)
        #expect(try Decoder.decode(code, moduleSize: 3) == data)
    }

    /// Only the best mask is used normally, so each mask is forced once to prove its formula.
    @Test(arguments: MaskPattern.allCases)
    func everyMaskPatternDecodes(mask: MaskPattern) throws {
        let data = Array(Payloads.otpauthURI(length: 150).utf8)
        let code = try QRCode(data: data, correction: .medium, mask: mask)
        #expect(code.mask == mask)
        #expect(try Decoder.decode(code) == data)
    }
}
