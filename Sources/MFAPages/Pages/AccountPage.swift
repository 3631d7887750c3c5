import MFACore

/// Where the account page's forms post, and the token that proves they come from it.
public struct AccountPageForms: Sendable {
    /// The address of the sign-out form.
    public var signOut: String
    /// The address of the password-change form.
    public var changePassword: String
    /// The address of the form asking for a new-authenticator link.
    public var newAuthenticator: String
    /// The start page.
    public var home: String
    /// The session's anti-forgery token, posted by every form of the session.
    public var antiForgeryToken: String
    /// The name the anti-forgery token is posted under.
    public var antiForgeryField: String

    /// Creates the forms' addresses and token.
    public init(
        signOut: String, changePassword: String, newAuthenticator: String, home: String,
        antiForgeryToken: String, antiForgeryField: String
    ) {
        self.signOut = signOut
        self.changePassword = changePassword
        self.newAuthenticator = newAuthenticator
        self.home = home
        self.antiForgeryToken = antiForgeryToken
        self.antiForgeryField = antiForgeryField
    }
}

/// The page of a signed-in browser (`GET /account`): the account's facts and its forms.
enum AccountPage {
    static func html(_ overview: AccountOverview, forms: AccountPageForms, notice: String?, problem: PageProblem?) -> String {
        let profile = overview.profile
        let token = [(name: forms.antiForgeryField, value: forms.antiForgeryToken)]
        let passwordForm = LinkForm(
            id: "change-password",
            fields: [
                FormField("current_password", label: "Current password", kind: .currentPassword),
                FormField(
                    "new_password", label: "New password", kind: .newPassword,
                    hint: "8 to 128 characters, any characters; a long passphrase is best."
                ),
                FormField("totp_code", label: "Authenticator code", kind: .totpCode, hint: "The code your authenticator app shows now."),
            ],
            submitLabel: "Change password", hidden: token
        )
        // The new-authenticator link is asked for as on its start page; the address
        // rides along hidden, as the user name password managers pair with the password.
        let newAuthenticatorForm = LinkForm(
            id: "new-authenticator",
            fields: [FormField("password", label: "Password", kind: .currentPassword)],
            submitLabel: "Email me a new-authenticator link", hidden: [(name: "email", value: profile.email)]
        )
        let signOutForm = LinkForm(id: "sign-out", fields: [], submitLabel: "Sign out", hidden: token)
        let messages = problem?.fieldMessages ?? [:]
        let fieldsOnPage = Set(passwordForm.fields.map(\.name))
        let problemNotice = problem.map { ProblemNotice.html($0, fieldsOnPage: fieldsOnPage) } ?? ""
        let successNotice: HTML = notice.map { "<div class=\"notice success\" role=\"status\"><p>\($0)</p></div>" } ?? ""
        let lastLogin: HTML = profile.lastLogin.map(Timestamp.html) ?? "never"
        let codes: HTML = switch overview.recoveryCodesRemaining {
        // An account imported from the prototype starts without any.
        case 0: "none: create ten through the API (a session token and a code from your app), and keep them safe"
        case 1...3: "\(overview.recoveryCodesRemaining) (few left: set up a new authenticator to get ten fresh codes)"
        default: "\(overview.recoveryCodesRemaining)"
        }
        return Layout.document(title: "Your account", body: """
            <div class="card">
            <h1>Your account</h1>
            \(successNotice)\(problemNotice)
            <dl class="facts">
            <dt>Address</dt><dd>\(profile.email)</dd>
            <dt>Name</dt><dd>\(profile.fullName ?? "—")</dd>
            <dt>Created</dt><dd>\(Timestamp.html(profile.createdAt))</dd>
            <dt>Last sign-in</dt><dd>\(lastLogin)</dd>
            <dt>Recovery codes left</dt><dd>\(codes)</dd>
            </dl>
            \(signOutForm.html(action: forms.signOut, messages: [:], focus: false))
            <h2>Change your password</h2>
            <p>Every other signed-in session is signed out.</p>
            \(passwordForm.html(action: forms.changePassword, messages: messages, focus: problem != nil))
            <h2>Replace your authenticator</h2>
            <p>For a new phone or app, or after using recovery codes. We email you a link that issues a new secret \
            and ten new recovery codes; it asks for a current code or a recovery code.</p>
            \(newAuthenticatorForm.html(action: forms.newAuthenticator, messages: [:], focus: false))
            <p><a href="\(forms.home)">All actions</a></p>
            </div>
            """)
    }
}
