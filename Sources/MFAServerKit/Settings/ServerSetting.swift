/// One setting of `mfa-server`: an environment variable, the equivalent flag,
/// its default and what it means.
///
/// ``allCases`` is the one table of settings. It drives the command line
/// (``MFAServerCommand`` parses its flags and prints its `--help` from it), the
/// configuration table of `/docs`, and a test that the README's table lists the
/// same variables and defaults. Adding a setting is one entry here plus its use
/// in ``ServerSettings``.
public struct ServerSetting: Hashable, Sendable, CustomStringConvertible {
    /// The environment variable, e.g. `MFA_PUBLIC_URL`.
    public let variable: String
    /// The default as the contract's table writes it, e.g. `sqlite://{data dir}/mfa.sqlite`.
    public let defaultDescription: String
    /// What the setting means, for `--help`, `/docs` and the README.
    public let meaning: String
    /// Whether the flag stands alone and means `1` (`--allow-weak-hash`) rather than taking a value.
    public let isSwitch: Bool

    private init(_ variable: String, default defaultDescription: String, _ meaning: String, isSwitch: Bool = false) {
        self.variable = variable
        self.defaultDescription = defaultDescription
        self.meaning = meaning
        self.isSwitch = isSwitch
    }

    /// Every setting, in the order `--help`, `/docs` and the README list them.
    public static let allCases: [ServerSetting] = [
        host, port, publicURL, dataDirectory, databaseURL, databaseTimeout, secretKeyFile, mailURL, mailFrom, issuer,
        linkLifetime, sessionLifetime, totpAlgorithm, totpDigits, totpPeriod,
        linksPerAddress, linksPerAddressTotal, requestsPerClient, attemptsPerLink, accountFailures, failureCeiling,
        webAuthnRelyingPartyID, webAuthnOrigins,
        passwordHash, allowWeakHash, retention, metricsAddress, trustedProxies,
        idleTimeout, requestTimeout, maxConnections, logLevel, logFormat,
    ]

    /// Where to listen.
    public static let host = ServerSetting("MFA_HOST", default: "127.0.0.1", "Address to listen on.")
    /// The port to listen on.
    public static let port = ServerSetting("MFA_PORT", default: "8000", "Port to listen on; 0 picks a free port and logs it.")
    /// The base of the links in emails.
    public static let publicURL = ServerSetting("MFA_PUBLIC_URL", default: "http://{host}:{port}", "Base of the links in emails.")
    /// Where the default database, key and outbox live.
    public static let dataDirectory = ServerSetting(
        "MFA_DATA_DIR", default: "./mfa-data", "Where the default database, secret key and outbox live."
    )
    /// The store.
    public static let databaseURL = ServerSetting(
        "MFA_DATABASE_URL", default: "sqlite://{data dir}/mfa.sqlite",
        "sqlite://PATH (sqlite:///abs/path or sqlite://./rel/path), or postgres://user:password@host:port/database[?sslmode=MODE] (MODE: disable, prefer, require, verify-ca or verify-full) for several servers on one database (see Docs/Operations.md)."
    )
    /// How long a database operation may take.
    public static let databaseTimeout = ServerSetting(
        "MFA_DATABASE_TIMEOUT_SECONDS", default: "5",
        "Seconds a database operation may wait (for a connection, a lock or another writer) before its request is answered 503, 1 to 60."
    )
    /// The file of the key that seals secrets at rest.
    public static let secretKeyFile = ServerSetting(
        "MFA_SECRET_KEY_FILE", default: "{data dir}/secret.key",
        "32-byte keys, current first, that seal TOTP secrets, queued mail and the hash key; created with mode 0600 if missing; see rotate-key."
    )
    /// Where emails go.
    public static let mailURL = ServerSetting(
        "MFA_MAIL_URL", default: "file://{data dir}/outbox",
        "smtp://[user:pass@]host:port[?tls=none|starttls|tls], file:///dir (one .eml per message), or log: (development only: links go to the log)."
    )
    /// The sender of the emails.
    public static let mailFrom = ServerSetting("MFA_MAIL_FROM", default: "MFA Server <no-reply@localhost>", "Sender of the emails.")
    /// The issuer authenticator apps show.
    public static let issuer = ServerSetting("MFA_ISSUER", default: "MFAServer", "Issuer shown in authenticator apps.")
    /// How long a link works.
    public static let linkLifetime = ServerSetting(
        "MFA_LINK_TTL_SECONDS", default: "600", "Lifetime of one-time links, in seconds, 1 to 600."
    )
    /// How long a session works.
    public static let sessionLifetime = ServerSetting(
        "MFA_SESSION_TTL_SECONDS", default: "43200", "Lifetime of sessions, in seconds, 1 to 2592000 (30 days)."
    )
    /// The TOTP algorithm of new enrolments.
    public static let totpAlgorithm = ServerSetting(
        "MFA_TOTP_ALGORITHM", default: "SHA1", "TOTP algorithm for new enrolments: SHA1, SHA256 or SHA512."
    )
    /// The TOTP digits of new enrolments.
    public static let totpDigits = ServerSetting("MFA_TOTP_DIGITS", default: "6", "TOTP digits for new enrolments: 6, 7 or 8.")
    /// The TOTP period of new enrolments.
    public static let totpPeriod = ServerSetting("MFA_TOTP_PERIOD", default: "30", "TOTP period for new enrolments, in seconds.")
    /// Link-sending requests per address and client network.
    public static let linksPerAddress = ServerSetting(
        "MFA_LIMIT_LINKS_PER_ADDRESS", default: "5/900",
        "Link-sending requests per email address and client network per window (count/seconds)."
    )
    /// Link-sending requests per address from all client networks.
    public static let linksPerAddressTotal = ServerSetting(
        "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL", default: "20/3600",
        "Link-sending requests per email address from all client networks per window (count/seconds)."
    )
    /// `POST /users/...` requests per client network.
    public static let requestsPerClient = ServerSetting(
        "MFA_LIMIT_REQUESTS_PER_CLIENT", default: "60/60",
        "POST /users/... requests per client network (an IPv4 address or an IPv6 /64; behind MFA_TRUSTED_PROXIES, the forwarded client's) per window (count/seconds)."
    )
    /// Failed attempts that burn a link.
    public static let attemptsPerLink = ServerSetting(
        "MFA_LIMIT_LINK_ATTEMPTS", default: "5", "Failed attempts before a link is burned."
    )
    /// Failures that lock an account, and how long the first lock of a series lasts.
    public static let accountFailures = ServerSetting(
        "MFA_LIMIT_ACCOUNT_FAILURES", default: "10/900",
        "Consecutive failures per lock / first lock's seconds; each further lock doubles, at most 86400 (count/seconds)."
    )
    /// Consecutive failures from which TOTP codes are refused.
    public static let failureCeiling = ServerSetting(
        "MFA_LIMIT_FAILURE_CEILING", default: "100",
        "Consecutive failures after which TOTP codes are refused until a recovery-code sign-in or an operator's unlock."
    )
    /// The relying party id of passkeys.
    public static let webAuthnRelyingPartyID = ServerSetting(
        "MFA_WEBAUTHN_RP_ID", default: "the public URL's host",
        "Passkey relying party id: a domain, the public URL's host or a parent of it; an IP address is refused, and with a public URL on one and no id set, passkeys are off (503)."
    )
    /// The origins passkey ceremonies may run from.
    public static let webAuthnOrigins = ServerSetting(
        "MFA_WEBAUTHN_ORIGINS", default: "the public URL's origin",
        "Comma-separated origins (https://example.com, http://localhost:8000) pages may register and use passkeys from, each on the relying party id or a subdomain of it."
    )
    /// How passwords are hashed.
    public static let passwordHash = ServerSetting(
        "MFA_PASSWORD_HASH", default: "argon2id:m=19456,t=2,p=1",
        "Password hashing: argon2id:m=KiB,t=passes,p=lanes or scrypt:ln=N,r=R,p=P; values below OWASP's minimum are refused unless MFA_ALLOW_WEAK_HASH=1."
    )
    /// Whether hashing below OWASP's minimum is allowed.
    public static let allowWeakHash = ServerSetting(
        "MFA_ALLOW_WEAK_HASH", default: "0",
        "1 allows password hashing below OWASP's minimum (tests and tiny machines only).", isSwitch: true
    )
    /// How long housekeeping keeps finished mail.
    public static let retention = ServerSetting(
        "MFA_RETENTION_SECONDS", default: "86400",
        "How long sent, failed and dropped mail is kept before housekeeping purges it, in seconds; expired links and sessions go at the next pass, every ten minutes."
    )
    /// Where Prometheus scrapes, apart from the public listener.
    public static let metricsAddress = ServerSetting(
        "MFA_METRICS_ADDRESS", default: "127.0.0.1:9464",
        "host:port of the metrics listener (GET /metrics, Prometheus text; [::1]:9464 for IPv6, port 0 picks a free one and logs it), or off."
    )
    /// Which peers' forwarding headers are believed.
    public static let trustedProxies = ServerSetting(
        "MFA_TRUSTED_PROXIES", default: "(none)",
        "Comma-separated CIDR ranges (10.0.0.0/8, 2001:db8::/32, or one address) of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed."
    )
    /// How long a connection may sit idle between requests.
    public static let idleTimeout = ServerSetting(
        "MFA_IDLE_TIMEOUT_SECONDS", default: "30", "Seconds an open connection may wait for its next request before it is closed, 1 to 3600."
    )
    /// How long a client may take to send one request.
    public static let requestTimeout = ServerSetting(
        "MFA_REQUEST_TIMEOUT_SECONDS", default: "10",
        "Seconds from a request's first byte until its headers and body must have arrived, else the connection is closed, 1 to 600."
    )
    /// How many connections may be open at once.
    public static let maxConnections = ServerSetting(
        "MFA_MAX_CONNECTIONS", default: "4096",
        "Open connections at most; further ones wait in the listen queue until one closes, 1 to 1000000."
    )
    /// The least severe level logged.
    public static let logLevel = ServerSetting(
        "MFA_LOG_LEVEL", default: "info", "trace, debug, info, notice, warning, error or critical."
    )
    /// Text or JSON log lines.
    public static let logFormat = ServerSetting("MFA_LOG_FORMAT", default: "text", "text, or json for one JSON object a line.")

    /// The long flag without its dashes, e.g. `public-url`: derived from the
    /// variable (`MFA_PUBLIC_URL` ↔ `--public-url`), so the two cannot drift apart.
    public var flag: String {
        String(variable.dropFirst("MFA_".count)).lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// Both names, as error messages and help show them: `MFA_PORT (--port)`.
    public var names: String { "\(variable) (--\(flag))" }

    /// The `--help` text: meaning, variable and default.
    public var help: String {
        "\(meaning) (env: \(variable); default: \(defaultDescription))"
    }

    /// The variable's name.
    public var description: String { variable }

    /// Two settings are the same when they have the same variable.
    public static func == (lhs: ServerSetting, rhs: ServerSetting) -> Bool { lhs.variable == rhs.variable }

    /// Hashes the variable.
    public func hash(into hasher: inout Hasher) { hasher.combine(variable) }
}
