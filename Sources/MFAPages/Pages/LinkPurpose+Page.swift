import MFACore

extension LinkPurpose {
    /// The page this purpose's emailed link opens.
    var page: LinkPage {
        switch self {
        case .createAccount:
            LinkPage(
                title: "Confirm your new account",
                introduction: [
                    "Enter the password you chose when you signed up. Next you will set up an authenticator app and get recovery codes.",
                ],
                form: LinkForm(
                    id: "create",
                    fields: [FormField("password_again", label: "Password", kind: .currentPassword)],
                    submitLabel: "Create account"
                )
            )
        case .login:
            LinkPage(
                title: "Sign in",
                introduction: ["Enter your password and the code your authenticator app shows now."],
                form: LinkForm(
                    id: "login",
                    fields: [
                        FormField("password", label: "Password", kind: .currentPassword),
                        Self.totpCodeField,
                    ],
                    submitLabel: "Sign in"
                ),
                alternative: .init(
                    summary: "No authenticator at hand? Use a recovery code instead",
                    explanation: "Each recovery code works once.",
                    form: LinkForm(
                        id: "login-recovery",
                        fields: [
                            FormField("password", label: "Password", kind: .currentPassword),
                            Self.recoveryCodeField,
                        ],
                        submitLabel: "Sign in with a recovery code"
                    )
                ),
                passkey: .init(
                    heading: "Use a passkey", explanation: "Your password, then your passkey instead of a code.",
                    fields: [FormField("password", label: "Password", kind: .currentPassword)],
                    submitLabel: "Sign in with a passkey"
                )
            )
        case .newAuthenticator:
            LinkPage(
                title: "Set up a new authenticator",
                introduction: [
                    "This issues a new secret for your authenticator app and ten new recovery codes.",
                    "Your current authenticator codes and recovery codes stop working, and every signed-in session is signed out.",
                    "Prove it is you with your current second factor: a password and a mailbox alone never replace it.",
                ],
                form: LinkForm(id: "new-authenticator", fields: [Self.totpCodeField], submitLabel: "Issue a new secret"),
                alternative: Self.recoveryAlternative(
                    id: "new-authenticator-recovery", submitLabel: "Issue a new secret with a recovery code"
                ),
                passkey: .init(
                    heading: "Use a passkey", explanation: "Your passkey instead of a code.", submitLabel: "Issue a new secret with a passkey"
                )
            )
        case .authenticatorResetByOperator:
            LinkPage(
                title: "Set up a new authenticator",
                introduction: [
                    "An operator of this service checked who you are and sent you this link, so no code from your old authenticator and no recovery code is needed.",
                    "This issues a new secret for your authenticator app and ten new recovery codes. Your old authenticator codes and recovery codes stop working.",
                    "Opening this link changed nothing: only the button below does.",
                ],
                form: LinkForm(id: "authenticator-reset", fields: [], submitLabel: "Issue a new secret"),
                closing: "<p class=\"hint\">If you did not ask an operator for this, do not press the button: contact the operator.</p>"
            )
        case .passwordReset:
            LinkPage(
                title: "Choose a new password",
                introduction: ["Your second factor is needed too: a mailbox alone never takes over an account."],
                form: LinkForm(
                    id: "reset",
                    fields: [Self.newPasswordField, Self.totpCodeField],
                    submitLabel: "Change password"
                ),
                alternative: .init(
                    summary: "No authenticator at hand? Use a recovery code instead",
                    explanation: "Each recovery code works once.",
                    form: LinkForm(
                        id: "reset-recovery",
                        fields: [Self.newPasswordField, Self.recoveryCodeField],
                        submitLabel: "Change password with a recovery code"
                    )
                ),
                passkey: .init(
                    heading: "Use a passkey", explanation: "Your new password, then your passkey instead of a code.",
                    fields: [Self.newPasswordField], submitLabel: "Change password with a passkey"
                ),
                closing: "<p class=\"hint\">Changing the password signs out every session of your account.</p>"
            )
        case .deleteAccount:
            LinkPage(
                title: "Delete your account",
                introduction: [
                    "This deletes your account, its sessions and its recovery codes for good. It cannot be undone.",
                    "Opening this link deleted nothing. A GET never deletes, because mail scanners open links: only the button below does.",
                    "Confirm with your current second factor.",
                ],
                form: LinkForm(id: "delete", fields: [Self.totpCodeField], submitLabel: "Delete my account", isDestructive: true),
                alternative: Self.recoveryAlternative(
                    id: "delete-recovery", submitLabel: "Delete my account with a recovery code", isDestructive: true
                ),
                passkey: .init(
                    heading: "Use a passkey", explanation: "Your passkey instead of a code.",
                    submitLabel: "Delete my account with a passkey", isDestructive: true
                )
            )
        }
    }

    /// The form that takes a recovery code instead of an authenticator code, and nothing else.
    private static func recoveryAlternative(id: String, submitLabel: String, isDestructive: Bool = false) -> LinkPage.Alternative {
        .init(
            summary: "No authenticator at hand? Use a recovery code instead",
            explanation: "Each recovery code works once.",
            form: LinkForm(id: id, fields: [recoveryCodeField], submitLabel: submitLabel, isDestructive: isDestructive)
        )
    }

    private static let totpCodeField = FormField(
        "totp_code", label: "Authenticator code", kind: .totpCode,
        hint: "The code your authenticator app shows for this account now."
    )

    private static let recoveryCodeField = FormField(
        "recovery_code", label: "Recovery code", kind: .recoveryCode,
        hint: "Upper or lower case; hyphens and spaces are ignored."
    )

    private static let newPasswordField = FormField(
        "new_password", label: "New password", kind: .newPassword,
        hint: "8 to 128 characters, any characters; a long passphrase is best."
    )
}
