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
    /// Where the passkey section sends its forms; `nil` shows no passkeys (they are off).
    public var passkeys: AccountPasskeyLinks?

    /// Creates the forms' addresses and token.
    public init(
        signOut: String, changePassword: String, newAuthenticator: String, home: String,
        antiForgeryToken: String, antiForgeryField: String, passkeys: AccountPasskeyLinks? = nil
    ) {
        self.passkeys = passkeys
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
        let script = overview.passkeys == nil ? nil : forms.passkeys?.script
        return Layout.document(title: "Your account", script: script, body: """
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
            \(passkeySection(overview.passkeys, forms: forms))
            <p><a href="\(forms.home)">All actions</a></p>
            </div>
            """)
    }

    /// The account's passkeys with a removal form each, and the form that adds one;
    /// nothing when passkeys are off.
    private static func passkeySection(_ passkeys: [PasskeySummary]?, forms: AccountPageForms) -> HTML {
        guard let passkeys, let links = forms.passkeys else { return "" }
        let token = (name: forms.antiForgeryField, value: forms.antiForgeryToken)
        let items = passkeys.enumerated().map { index, passkey -> HTML in
            let hidden = [(name: links.passkeyIDField, value: passkey.id), token]
            let withCode = LinkForm(
                id: "remove-passkey-\(index)",
                fields: [FormField("totp_code", label: "Authenticator code", kind: .totpCode)],
                submitLabel: "Remove \(passkey.name)", isDestructive: true, hidden: hidden
            )
            let withPasskey = LinkForm(
                id: "remove-passkey-\(index)-passkey", fields: [], submitLabel: "Remove \(passkey.name) with a passkey",
                isDestructive: true, hidden: hidden,
                passkey: .init(ceremony: "get", options: links.assertionOptions, resultField: "passkey")
            )
            let lastUsed: HTML = passkey.lastUsedAt.map(Timestamp.html) ?? "never"
            return """
                <li>
                <strong>\(passkey.name)</strong>
                <p class="hint">Added \(Timestamp.html(passkey.createdAt)); last used \(lastUsed).</p>
                <details>
                <summary>Remove \(passkey.name)</summary>
                <p>Confirm with a code from your authenticator app, or with a passkey.</p>
                \(withCode.html(action: links.remove, messages: [:], focus: false))
                <div data-passkey-section hidden>
                \(withPasskey.html(action: links.remove, messages: [:], focus: false))
                </div>
                </details>
                </li>
                """
        }
        let add = LinkForm(
            id: "add-passkey",
            fields: [FormField("name", label: "Name (optional)", kind: .passkeyName, hint: "Such as the device it lives on.")],
            submitLabel: "Add a passkey", hidden: [token],
            passkey: .init(ceremony: "create", options: links.registrationOptions, resultField: "credential")
        )
        let list: HTML = passkeys.isEmpty ? "<p>None yet.</p>" : "<ul class=\"passkeys\">\n\(items)</ul>"
        return """
            <h2>Passkeys</h2>
            <p>A passkey signs you in on its own, without a link or password, and can stand in for a code \
            from your authenticator app. Adding one needs a browser with passkeys and JavaScript.</p>
            \(list)
            <div data-passkey-section hidden>
            \(add.html(action: links.add, messages: [:], focus: false))
            </div>
            """
    }
}
