import Hummingbird
import MFACore

/// The session cookie of a browser that signed in through the pages.
///
/// It holds the same opaque session token the API hands out, so that one store
/// of sessions serves both. `HttpOnly` keeps it from scripts, `SameSite=Strict`
/// from other sites' requests, and over https it is `Secure` with the `__Host-`
/// prefix, which browsers accept only from a secure origin, for `Path=/`
/// and without `Domain`, so that no sibling host can plant or shadow it.
struct BrowserSession: Sendable {
    /// Whether the public URL is https: the cookie is then `Secure` and `__Host-` named.
    let isSecure: Bool
    /// The session's lifetime, the cookie's `Max-Age`.
    let lifetimeSeconds: Int

    init(configuration: MFAConfiguration) {
        isSecure = configuration.publicURL.lowercased().hasPrefix("https://")
        lifetimeSeconds = Int(configuration.sessionLifetime)
    }

    /// The cookie's name.
    var name: String { isSecure ? "__Host-mfa_session" : "mfa_session" }

    /// The `Set-Cookie` value that stores `sessionToken` for the session's lifetime.
    func setCookie(_ sessionToken: String) -> String {
        cookie(value: sessionToken, maxAge: lifetimeSeconds)
    }

    /// The `Set-Cookie` value that removes the cookie.
    var clearingCookie: String { cookie(value: "", maxAge: 0) }

    private func cookie(value: String, maxAge: Int) -> String {
        "\(name)=\(value); Max-Age=\(maxAge); Path=/; HttpOnly; SameSite=Strict" + (isSecure ? "; Secure" : "")
    }

    /// The session token the request's `Cookie` headers carry; `""` without one, which no session matches.
    func token(in request: Request) -> String {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingOptionalWhitespace == name {
                    return String(parts[1].trimmingOptionalWhitespace)
                }
            }
        }
        return ""
    }
}
