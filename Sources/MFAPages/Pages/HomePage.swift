import MFACore

/// The start page (`GET /`): what the service is, and a link to each action.
enum HomePage {
    static func html(link: (LinkPurpose) -> String, account: String) -> String {
        let actions: [(LinkPurpose, HTML)] = [
            (.createAccount, "Create an account"),
            (.login, "Sign in"),
            (.passwordReset, "Forgot your password"),
            (.newAuthenticator, "Set up a new authenticator"),
            (.deleteAccount, "Delete your account"),
        ]
        let items = actions.map { "<li><a href=\"\(link($0.0))\">\($0.1)</a></li>" as HTML }
        return Layout.document(title: "Sign-in service", body: """
            <div class="card">
            <h1>Sign-in service</h1>
            <p>Accounts here are protected by a password and an authenticator app. \
            Every action starts with a link sent to your email address.</p>
            <ul class="actions">
            \(items)
            </ul>
            <p>Already signed in? <a href="\(account)">Your account</a></p>
            </div>
            """)
    }
}
