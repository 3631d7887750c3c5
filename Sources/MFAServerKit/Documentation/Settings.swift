/// The server's settings as the contract lists them, for `/docs`.
enum Settings {
    /// One setting: its environment variable, default and meaning.
    struct Setting: Sendable {
        let variable: String
        let defaultValue: String
        let meaning: String

        /// The equivalent command-line flag: `MFA_PUBLIC_URL` is `--public-url`.
        var flag: String {
            "--" + variable.dropFirst("MFA_".count).lowercased().replacingOccurrences(of: "_", with: "-")
        }
    }

    static let all: [Setting] = [
        .init(variable: "MFA_HOST", defaultValue: "127.0.0.1", meaning: "Where to listen."),
        .init(variable: "MFA_PORT", defaultValue: "8000", meaning: "Where to listen; 0 picks a free port and logs it."),
        .init(variable: "MFA_PUBLIC_URL", defaultValue: "http://{host}:{port}", meaning: "Base of the links in emails."),
        .init(variable: "MFA_DATA_DIR", defaultValue: "./mfa-data", meaning: "Where the defaults below live."),
        .init(
            variable: "MFA_DATABASE_URL", defaultValue: "sqlite://{data dir}/mfa.sqlite",
            meaning: "Or postgres://user:pass@host:port/db."
        ),
        .init(
            variable: "MFA_SECRET_KEY_FILE", defaultValue: "{data dir}/secret.key",
            meaning: "32-byte key that encrypts TOTP secrets at rest; created with mode 0600 on first start if missing."
        ),
        .init(
            variable: "MFA_MAIL_URL", defaultValue: "file://{data dir}/outbox",
            meaning: "smtp://[user:pass@]host:port[?tls=none|starttls|tls], file:///dir (one .eml per message), or log:."
        ),
        .init(variable: "MFA_MAIL_FROM", defaultValue: "MFA Server <no-reply@localhost>", meaning: "Sender of the emails."),
        .init(variable: "MFA_ISSUER", defaultValue: "MFAServer", meaning: "Issuer shown in authenticator apps."),
        .init(variable: "MFA_LINK_TTL_SECONDS", defaultValue: "600", meaning: "Link lifetime."),
        .init(variable: "MFA_SESSION_TTL_SECONDS", defaultValue: "43200", meaning: "Session lifetime."),
        .init(variable: "MFA_TOTP_ALGORITHM", defaultValue: "SHA1", meaning: "TOTP algorithm for new enrolments."),
        .init(variable: "MFA_TOTP_DIGITS", defaultValue: "6", meaning: "TOTP digits for new enrolments."),
        .init(variable: "MFA_TOTP_PERIOD", defaultValue: "30", meaning: "TOTP period in seconds for new enrolments."),
        .init(
            variable: "MFA_LIMIT_LINKS_PER_ADDRESS", defaultValue: "5/900",
            meaning: "Link-sending requests per email address per window (count/seconds)."
        ),
        .init(
            variable: "MFA_LIMIT_REQUESTS_PER_CLIENT", defaultValue: "60/60",
            meaning: "POST /users/… requests per client address per window (count/seconds)."
        ),
        .init(variable: "MFA_LIMIT_LINK_ATTEMPTS", defaultValue: "5", meaning: "Failed attempts before a link is burned."),
        .init(
            variable: "MFA_LIMIT_ACCOUNT_FAILURES", defaultValue: "10/900",
            meaning: "Consecutive failures per lock / first lock's seconds (each further lock doubles, at most 86400)."
        ),
        .init(
            variable: "MFA_LIMIT_FAILURE_CEILING", defaultValue: "100",
            meaning: "Consecutive failures after which TOTP codes are refused until a recovery-code sign-in or an operator's unlock."
        ),
        .init(
            variable: "MFA_PASSWORD_HASH", defaultValue: "argon2id:m=19456,t=2,p=1",
            meaning: "Password hashing parameters (scrypt:ln=17,r=8,p=1 also accepted); values below OWASP's minimum are refused unless MFA_ALLOW_WEAK_HASH=1."
        ),
        .init(variable: "MFA_ALLOW_WEAK_HASH", defaultValue: "0", meaning: "1 accepts password hashing parameters below OWASP's minimum."),
        .init(variable: "MFA_LOG_LEVEL", defaultValue: "info", meaning: "Log level."),
        .init(variable: "MFA_LOG_FORMAT", defaultValue: "text", meaning: "text, or json for one JSON object a line."),
    ]
}
