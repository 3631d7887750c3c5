import MFACore

/// The page after a successful sign-in through the emailed link.
///
/// The contract has no cookies: a session is a bearer token for the API. A sign-in
/// in the browser therefore shows the token, folded away in a `<details>` element
/// so that it is not on screen by default; without it a browser sign-in would
/// produce nothing usable.
enum SignedInPage {
    static func html(_ result: LoginResult) -> String {
        let previous: HTML = result.lastLogin.map { "Your previous sign-in was at \(Timestamp.html($0))." }
            ?? "This is your first sign-in."
        return Layout.document(title: "Signed in", body: """
            <div class="card">
            <h1>Signed in</h1>
            <p>You are signed in as <strong>\(result.email)</strong>.</p>
            <p>\(previous)</p>
            <p>The session is valid until \(Timestamp.html(result.expiresAt)).</p>
            \(recoveryCodeNotice(remaining: result.recoveryCodesRemaining))
            <details>
            <summary>Session token for API use</summary>
            <p>Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/users/me</code>, \
            <code>/users/password/change</code>, <code>/users/recovery-codes</code> and <code>/users/logout</code>. Keep it secret: \
            it is as good as your password and codes until it expires or you log out.</p>
            <p class="code token">\(result.sessionToken)</p>
            </details>
            </div>
            """)
    }

    /// After a recovery code: how many remain, with advice when few are left;
    /// with none left (an imported account has none yet): how to create them.
    private static func recoveryCodeNotice(remaining: Int?) -> HTML {
        guard let remaining else { return "" }
        if remaining == 0 {
            return """
                <div class="notice warning" role="note">
                <p>Your account has no recovery codes. Create ten through the API with the session token below \
                and a code from your authenticator app, and keep them somewhere safe: without them, losing \
                the app locks you out.</p>
                </div>
                """
        }
        let count: HTML = remaining == 1 ? "1 recovery code remains." : "\(remaining) recovery codes remain."
        let advice: HTML = remaining <= 3
            ? "<p>Set up a new authenticator to get ten fresh codes: it replaces the remaining ones.</p>"
            : ""
        return """
            <div class="notice warning" role="note">
            <p>You used a recovery code; it no longer works. \(count)</p>\(advice)
            </div>
            """
    }
}
