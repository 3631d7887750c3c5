/// Test data shaped like what the server encodes.
enum Payloads {
    /// The URI an authenticator app receives for a typical account.
    static let typicalURI =
        "otpauth://totp/MFAServer:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MFAServer&algorithm=SHA1&digits=6&period=30"

    /// An otpauth URI of exactly `length` bytes (at least 40), its label grown with a repeated e-mail address.
    static func otpauthURI(length: Int) -> String {
        let frame = (prefix: "otpauth://totp/", suffix: "?secret=JBSWY3DPEHPK3PXP")
        let labelLength = length - frame.prefix.utf8.count - frame.suffix.utf8.count
        precondition(labelLength >= 1, "an otpauth URI needs at least 40 bytes")
        let label = String(String(repeating: "ada.lovelace%40example.com.", count: labelLength / 27 + 1).prefix(labelLength))
        return frame.prefix + label + frame.suffix
    }

    /// `count` bytes covering every value from 0 to 255, in a fixed scrambled order.
    static func binary(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ $0 / 256) }
    }
}
