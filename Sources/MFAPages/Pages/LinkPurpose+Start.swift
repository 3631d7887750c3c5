import MFACore

extension LinkPurpose {
    /// The start page of this workflow: the form that asks for its emailed link,
    /// with `email` kept in its field after an error.
    func startPage(email: String, home: String) -> LinkPage {
        let email = FormField("email", label: "Email address", kind: .email, value: email)
        let password = FormField("password", label: "Password", kind: .currentPassword)
        let back: HTML = "<p><a href=\"\(home)\">All actions</a></p>"
        let (title, introduction, fields, submit): (String, HTML, [FormField], String) = switch self {
        case .createAccount: (
            "Create an account",
            "We email you a link that confirms the address. Then you set up an authenticator app.",
            [
                email,
                FormField(
                    "password", label: "Password", kind: .newPassword,
                    hint: "8 to 128 characters, any characters; a long passphrase is best."
                ),
                FormField("full_name", label: "Name (optional)", kind: .fullName),
            ],
            "Send the confirmation link"
        )
        case .login: (
            "Sign in",
            "We email you a sign-in link. It asks for your password and the code your authenticator app shows.",
            [email], "Send the sign-in link"
        )
        case .passwordReset: (
            "Forgot your password",
            "We email you a link to choose a new password. It also asks for your authenticator code or a recovery code.",
            [email], "Send the reset link"
        )
        // No form asks for an operator's link: a person after a new authenticator starts here.
        case .newAuthenticator, .authenticatorResetByOperator: (
            "Set up a new authenticator",
            "For a new phone or app. We email you a link that issues a new secret; it asks for a current code or a recovery code.",
            [email, password], "Send the link"
        )
        case .deleteAccount: (
            "Delete your account",
            "We email you a link that confirms the deletion. Nothing is deleted until you confirm it there.",
            [email, password], "Send the confirmation link"
        )
        }
        // Signing in with a passkey alone needs no link: the sign-in page offers it.
        let passkey: LinkPage.PasskeyAlternative? = self == .login
            ? .init(
                heading: "Sign in with a passkey", explanation: "No link and no password: your passkey and its PIN, fingerprint or face.",
                resultField: "credential", submitLabel: "Sign in with a passkey"
            )
            : nil
        return LinkPage(
            title: title, introduction: [introduction],
            form: LinkForm(id: "start", fields: fields, submitLabel: submit),
            passkey: passkey,
            closing: back
        )
    }
}
