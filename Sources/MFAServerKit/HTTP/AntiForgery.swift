import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MFACore

/// The defence of the cookie session's forms against cross-site request forgery.
///
/// Every state-changing form of the session posts a token bound to the session:
/// an HMAC-SHA256, keyed by the session token, of a fixed label. Only a page
/// the server rendered for that session holds it; it needs no storage and
/// holds across server processes sharing one database, and it reveals nothing
/// of the session token. On top of it a request is refused when the browser
/// says it comes from another site (`Sec-Fetch-Site: cross-site`) or sends an
/// `Origin` other than the public URL's or `null` (browsers send `null` for the
/// pages' own posts, because of `Referrer-Policy: no-referrer`).
struct AntiForgery: Sendable {
    /// The form field that carries the token.
    static let field = "csrf_token"
    private static let label = Data("mfa-server anti-forgery token v1".utf8)
    // A standard header name, valid by construction.
    private static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// The public URL's origin, `scheme://host[:port]`, lowercased, without a default port.
    let origin: String

    init(publicURL: String) {
        origin = WebOrigin(url: publicURL)?.text ?? ""
    }

    /// The token of the session `sessionToken`, in hexadecimal.
    static func token(forSession sessionToken: String) -> String {
        let key = SymmetricKey(data: Data(sessionToken.utf8))
        return HMAC<SHA256>.authenticationCode(for: label, using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// Refuses a request that says it comes from another site.
    ///
    /// - Throws: ``RequestError/forbidden``.
    func checkSite(of request: Request) throws(RequestError) {
        if request.headers[Self.fetchSite]?.lowercased() == "cross-site" { throw .forbidden }
        for value in request.headers[values: .origin] {
            let sent = value.trimmingOptionalWhitespace.lowercased()
            if sent != "null" && sent != origin { throw .forbidden }
        }
    }

    /// Refuses a form whose token was not made for `sessionToken`.
    ///
    /// The digests of both are compared (swift-crypto compares digests in constant
    /// time), so the comparison's time says nothing about the expected token.
    ///
    /// - Throws: ``RequestError/forbidden``.
    static func check(_ token: String?, forSession sessionToken: String) throws(RequestError) {
        let expected = Self.token(forSession: sessionToken)
        guard let token, SHA256.hash(data: Data(token.utf8)) == SHA256.hash(data: Data(expected.utf8)) else { throw .forbidden }
    }
}
