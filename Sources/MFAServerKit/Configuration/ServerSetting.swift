/// One setting of `mfa-server`: an environment variable and the equivalent flag.
///
/// The raw value is the variable's name; the flag is derived from it
/// (`MFA_PUBLIC_URL` ↔ `--public-url`), so the two can never drift apart.
public enum ServerSetting: String, CaseIterable, Sendable {
    /// Where to listen.
    case host = "MFA_HOST"
    /// The port to listen on.
    case port = "MFA_PORT"
    /// The base of the links in emails.
    case publicURL = "MFA_PUBLIC_URL"
    /// Where the default database, key and outbox live.
    case dataDirectory = "MFA_DATA_DIR"
    /// The store.
    case databaseURL = "MFA_DATABASE_URL"
    /// The file of the key that seals secrets at rest.
    case secretKeyFile = "MFA_SECRET_KEY_FILE"
    /// Where emails go.
    case mailURL = "MFA_MAIL_URL"
    /// The sender of the emails.
    case mailFrom = "MFA_MAIL_FROM"
    /// The issuer authenticator apps show.
    case issuer = "MFA_ISSUER"
    /// How long a link works.
    case linkLifetime = "MFA_LINK_TTL_SECONDS"
    /// How long a session works.
    case sessionLifetime = "MFA_SESSION_TTL_SECONDS"
    /// The TOTP algorithm of new enrolments.
    case totpAlgorithm = "MFA_TOTP_ALGORITHM"
    /// The TOTP digits of new enrolments.
    case totpDigits = "MFA_TOTP_DIGITS"
    /// The TOTP period of new enrolments.
    case totpPeriod = "MFA_TOTP_PERIOD"
    /// Link-sending requests per address.
    case linksPerAddress = "MFA_LIMIT_LINKS_PER_ADDRESS"
    /// `POST /users/...` requests per client.
    case requestsPerClient = "MFA_LIMIT_REQUESTS_PER_CLIENT"
    /// Failed attempts that burn a link.
    case attemptsPerLink = "MFA_LIMIT_LINK_ATTEMPTS"
    /// Failures that lock an account, and how long the first lock lasts.
    case accountFailures = "MFA_LIMIT_ACCOUNT_FAILURES"
    /// Consecutive failures from which TOTP codes are refused.
    case failureCeiling = "MFA_LIMIT_FAILURE_CEILING"
    /// How passwords are hashed.
    case passwordHash = "MFA_PASSWORD_HASH"
    /// Whether hashing below OWASP's minimum is allowed.
    case allowWeakHash = "MFA_ALLOW_WEAK_HASH"
    /// The least severe level logged.
    case logLevel = "MFA_LOG_LEVEL"
    /// Text or JSON log lines.
    case logFormat = "MFA_LOG_FORMAT"

    /// The environment variable, e.g. `MFA_PUBLIC_URL`.
    public var variable: String { rawValue }

    /// The long flag without its dashes, e.g. `public-url`.
    public var flag: String {
        String(rawValue.dropFirst("MFA_".count)).lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// Both names, as error messages and help show them: `MFA_PORT (--port)`.
    public var names: String { "\(variable) (--\(flag))" }

    /// The default as the contract's table writes it.
    public var defaultDescription: String {
        switch self {
        case .host: "127.0.0.1"
        case .port: "8000"
        case .publicURL: "http://{host}:{port}"
        case .dataDirectory: "./mfa-data"
        case .databaseURL: "sqlite://{data dir}/mfa.sqlite"
        case .secretKeyFile: "{data dir}/secret.key"
        case .mailURL: "file://{data dir}/outbox"
        case .mailFrom: "MFA Server <no-reply@localhost>"
        case .issuer: "MFAServer"
        case .linkLifetime: "600"
        case .sessionLifetime: "43200"
        case .totpAlgorithm: "SHA1"
        case .totpDigits: "6"
        case .totpPeriod: "30"
        case .linksPerAddress: "5/900"
        case .requestsPerClient: "60/60"
        case .attemptsPerLink: "5"
        case .accountFailures: "10/900"
        case .failureCeiling: "100"
        case .passwordHash: "argon2id:m=19456,t=2,p=1"
        case .allowWeakHash: "0"
        case .logLevel: "info"
        case .logFormat: "text"
        }
    }

    /// What the setting means, for `--help`.
    public var meaning: String {
        switch self {
        case .host: "Address to listen on."
        case .port: "Port to listen on; 0 picks a free port and logs it."
        case .publicURL: "Base of the links in emails."
        case .dataDirectory: "Where the default database, secret key and outbox live."
        case .databaseURL: "sqlite://PATH (postgres:// is not supported yet)."
        case .secretKeyFile: "32-byte key that encrypts TOTP secrets at rest; created with mode 0600 if missing."
        case .mailURL: "smtp://[user:pass@]host:port[?tls=none|starttls|tls], file:///dir (one .eml per message), or log:."
        case .mailFrom: "Sender of the emails."
        case .issuer: "Issuer shown in authenticator apps."
        case .linkLifetime: "Lifetime of one-time links, in seconds."
        case .sessionLifetime: "Lifetime of sessions, in seconds."
        case .totpAlgorithm: "TOTP algorithm for new enrolments: SHA1, SHA256 or SHA512."
        case .totpDigits: "TOTP digits for new enrolments: 6, 7 or 8."
        case .totpPeriod: "TOTP period for new enrolments, in seconds."
        case .linksPerAddress: "Link-sending requests per email address per window (count/seconds)."
        case .requestsPerClient: "POST /users/... requests per client address per window (count/seconds)."
        case .attemptsPerLink: "Failed attempts before a link is burned."
        case .accountFailures: "Consecutive failures per lock / first lock's seconds; each further lock doubles, at most 86400 (count/seconds)."
        case .failureCeiling: "Consecutive failures after which TOTP codes are refused until a recovery-code sign-in or an operator's unlock."
        case .passwordHash: "Password hashing: argon2id:m=KiB,t=passes,p=lanes or scrypt:ln=N,r=R,p=P."
        case .allowWeakHash: "1 allows password hashing below OWASP's minimum (tests and tiny machines only)."
        case .logLevel: "trace, debug, info, notice, warning, error or critical."
        case .logFormat: "text, or json for one JSON object a line."
        }
    }

    /// The `--help` text: meaning, variable and default.
    public var help: String {
        "\(meaning) (env: \(variable); default: \(defaultDescription))"
    }
}
