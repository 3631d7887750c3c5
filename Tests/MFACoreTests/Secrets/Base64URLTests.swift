import Testing
@testable import MFACore

@Suite struct Base64URLTests {
    // RFC 4648 §5: `-` and `_` for base64's `+` and `/`; tokens drop the padding.
    @Test(arguments: [
        ([0xFB, 0xFF, 0xBF], "-_-_"),
        ([0xFF], "_w"),
        ([0x66, 0x6F], "Zm8"),
        ([], ""),
    ] as [([UInt8], String)])
    func bytesAreBase64URLWithoutPadding(bytes: [UInt8], expected: String) {
        #expect(Base64URL.encode(bytes) == expected)
    }
}
