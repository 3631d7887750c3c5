import MFACore

/// Where the server serves each emailed link's page, and how a link carries its token.
///
/// The token's query parameter is written here once, and the five link paths
/// come from the endpoint table (``Endpoints/linkPath(for:)``), so that the
/// links mailed are the routes served. ``MFAService`` asks this builder for
/// every URL it mails.
struct ServerLinks: LinkBuilder {
    /// The query parameter that carries a link's one-time token.
    static let tokenParameter = "one_time_url"

    func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
        "\(publicURL)\(Endpoints.linkPath(for: purpose))?\(Self.tokenParameter)=\(token)"
    }

    /// The address a page of a `purpose` link posts to: the link's own path with
    /// the token as its query parameter.
    ///
    /// The token is percent-encoded, so that whatever text arrived as a token
    /// stays one query value; the page escapes the result once more as an attribute.
    static func formAction(for purpose: LinkPurpose, token: String) -> String {
        "\(Endpoints.linkPath(for: purpose))?\(tokenParameter)=\(percentEncoded(token))"
    }

    /// The address where the page of a `purpose` link asks for a passkey's options: below the
    /// link's own path, with the token as its query parameter, as ``formAction(for:token:)``.
    static func passkeyOptions(for purpose: LinkPurpose, token: String) -> String {
        "\(Endpoints.passkeyOptionsPath(for: purpose))?\(tokenParameter)=\(percentEncoded(token))"
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
