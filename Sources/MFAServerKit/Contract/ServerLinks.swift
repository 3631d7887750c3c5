import MFACore

/// Where the server serves each emailed link's page, and how a link carries its token.
///
/// The five link paths and the token's query parameter are written here once;
/// ``MFAService`` asks this builder for every URL it mails.
struct ServerLinks: LinkBuilder {
    /// The query parameter that carries a link's one-time token.
    static let tokenParameter = "one_time_url"

    /// The path of the page a link of `purpose` opens, with its trailing slash, as mailed.
    static func path(of purpose: LinkPurpose) -> String {
        switch purpose {
        case .createAccount: "/users/create/mfa/"
        case .login: "/users/login/mfa/"
        case .newAuthenticator: "/users/mfa/new_totp_code/confirm/"
        case .passwordReset: "/users/password/reset/confirm/"
        case .deleteAccount: "/users/delete/mfa/"
        }
    }

    func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
        "\(publicURL)\(Self.path(of: purpose))?\(Self.tokenParameter)=\(token)"
    }

    /// The address a page of a `purpose` link posts to: the link's own path with
    /// the token as its query parameter.
    ///
    /// The token is percent-encoded, so that whatever text arrived as a token
    /// stays one query value; the page escapes the result once more as an attribute.
    static func formAction(for purpose: LinkPurpose, token: String) -> String {
        "\(path(of: purpose))?\(tokenParameter)=\(percentEncoded(token))"
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

extension LinkPurpose {
    /// The route's path: the link's path without its trailing slash.
    var routePath: String { String(ServerLinks.path(of: self).dropLast()) }
}
