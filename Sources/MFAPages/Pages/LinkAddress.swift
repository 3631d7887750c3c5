import MFACore

extension LinkPurpose {
    /// The address a page of this link posts to: the link's own path with the
    /// token as the `one_time_url` query parameter.
    ///
    /// The token is percent-encoded, so that whatever text arrived as a token
    /// stays one query value; the page escapes the result once more as an attribute.
    func address(token: String) -> String {
        "\(path)?one_time_url=\(Self.percentEncoded(token))"
    }

    /// Encodes every byte outside RFC 3986's unreserved set; a well-formed base64url token passes unchanged.
    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return encoded
    }
}
