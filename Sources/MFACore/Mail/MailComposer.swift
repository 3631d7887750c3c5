/// Words every email of the contract: subjects, bodies and links.
///
/// Built here, in MFACore, so every transport sends the same words. A link
/// stands alone on its own line so that mail clients make it clickable and
/// tests can find it.
public struct MailComposer: Sendable {
    /// The base of every link, without a trailing slash.
    public let publicURL: String
    /// Where each link's page lives.
    public let links: any LinkBuilder

    /// Creates a composer for links that `links` places below `publicURL`.
    public init(publicURL: String, links: any LinkBuilder) {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicURL = base
        self.links = links
    }

    /// The URL of the page a link opens.
    public func url(for purpose: LinkPurpose, token: OpaqueToken) -> String {
        links.url(for: purpose, token: token.value, publicURL: publicURL)
    }

    /// The email that carries a one-time link of `purpose`.
    public func linkMessage(_ purpose: LinkPurpose, token: OpaqueToken, to recipient: String, validMinutes: Int) -> MailMessage {
        let (subject, intro, outro) = Self.wording(for: purpose)
        return MailMessage(recipient: recipient, subject: subject, textBody: """
            Hello,

            \(intro)

            \(url(for: purpose, token: token))

            The link works once and expires in \(validMinutes) minutes. \(outro)
            """)
    }

    /// The email sent instead of a registration link when the address has an account.
    public func accountExists(to recipient: String) -> MailMessage {
        MailMessage(recipient: recipient, subject: "An account already exists for this address", textBody: """
            Hello,

            Someone asked to create an account for this address, but it already has one.
            Nothing was changed. To sign in, use the sign-in page; if you forgot your
            password, ask for a password reset.

            If this was not you, you can ignore this email.
            """)
    }

    /// The notice that a recovery code was used.
    public func recoveryCodeUsed(to recipient: String, remaining: Int) -> MailMessage {
        MailMessage(recipient: recipient, subject: "A recovery code was used", textBody: """
            Hello,

            A recovery code was just used to sign in to your account. \(remaining) recovery \(remaining == 1 ? "code remains" : "codes remain").
            When you run low, set up a new authenticator to get a fresh set.

            If this was not you, reset your password and set up a new authenticator now.
            """)
    }

    /// *Repeated failed sign-in attempts*: sent at the first lock of a series
    /// of failures, and again when the failures reach the ceiling and TOTP
    /// codes stop being accepted.
    public func repeatedFailures(to recipient: String, failures: Int, totpRefused: Bool) -> MailMessage {
        let consequence = totpRefused
            ? """
                Codes from your authenticator app are no longer accepted for your account.
                Sign in with one of your recovery codes to accept them again.
                """
            : "Your account is locked for a while; each further series of failures locks it longer."
        return MailMessage(recipient: recipient, subject: "Repeated failed sign-in attempts", textBody: """
            Hello,

            There were \(failures) failed attempts in a row to sign in to your account or to
            confirm a change to it with a wrong password or code. \(consequence)

            If this was not you, someone knows your email address and may have access to your
            mailbox: change your email password and then your password here.
            """)
    }

    /// The notice that the authenticator was replaced.
    public func authenticatorReset(to recipient: String) -> MailMessage {
        notice(to: recipient, subject: "Your authenticator was reset", what: """
            A new authenticator secret and new recovery codes were issued for your account.
            The old ones no longer work, and every session was signed out.
            """)
    }

    /// The notice that a fresh set of recovery codes replaced the old one.
    public func recoveryCodesCreated(to recipient: String) -> MailMessage {
        notice(to: recipient, subject: "New recovery codes were created", what: """
            New recovery codes were created for your account; the old ones no longer work.
            """)
    }

    /// The notice that the password changed.
    public func passwordChanged(to recipient: String) -> MailMessage {
        notice(to: recipient, subject: "Your password was changed", what: """
            The password of your account was changed, and your other sessions were signed out.
            """)
    }

    /// The notice that a passkey was registered for the account.
    public func passkeyAdded(to recipient: String, name: String) -> MailMessage {
        notice(to: recipient, subject: "A passkey was added", what: """
            A passkey named "\(name)" was added to your account; it signs in on its own.
            If you did not add it, remove it on your account page.
            """)
    }

    /// The notice that a passkey was removed from the account.
    public func passkeyRemoved(to recipient: String, name: String) -> MailMessage {
        notice(to: recipient, subject: "A passkey was removed", what: """
            The passkey named "\(name)" was removed from your account; it no longer signs in.
            """)
    }

    /// The notice that the account is gone.
    public func accountDeleted(to recipient: String) -> MailMessage {
        MailMessage(recipient: recipient, subject: "Your account was deleted", textBody: """
            Hello,

            Your account and everything that belonged to it were deleted.
            This address can register again at any time.
            """)
    }

    private func notice(to recipient: String, subject: String, what: String) -> MailMessage {
        MailMessage(recipient: recipient, subject: subject, textBody: """
            Hello,

            \(what)

            If this was not you, reset your password and set up a new authenticator now.
            """)
    }

    private static func wording(for purpose: LinkPurpose) -> (subject: String, intro: String, outro: String) {
        let ignore = "If you did not ask for it, you can ignore this email."
        return switch purpose {
        case .createAccount:
            ("Confirm your new account", "To finish creating your account, open this link and enter your password again:", ignore)
        case .login:
            ("Your sign-in link", "To sign in, open this link and enter your password and a code from your authenticator app:", ignore)
        case .newAuthenticator:
            ("Set up a new authenticator", "To replace your authenticator app's secret, open this link:", "\(ignore) Your password is correct, so consider changing it.")
        case .authenticatorResetByOperator:
            (
                "An operator is resetting your authenticator",
                """
                An operator of this service checked who you are and started a reset of your
                authenticator: every session of your account was signed out. To set up your
                authenticator app again, open this link; it does not ask for your old codes:
                """,
                "If you did not ask for this, do not open the link, and contact the operator at once."
            )
        case .passwordReset:
            ("Reset your password", "To choose a new password, open this link; you will need a code from your authenticator app or a recovery code:", ignore)
        case .deleteAccount:
            ("Confirm account deletion", "To delete your account and everything in it, open this link and confirm:", "\(ignore) Your password is correct, so consider changing it.")
        }
    }
}
