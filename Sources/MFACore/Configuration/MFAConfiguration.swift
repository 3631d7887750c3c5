import Foundation

/// The settings of an ``MFAService``. Every default is the contract's.
public struct MFAConfiguration: Sendable {
    /// The base of the links in emails, e.g. `https://auth.example.com`.
    public var publicURL: String
    /// The issuer authenticator apps show next to the account.
    public var issuer: String
    /// How long a one-time link works, in seconds.
    public var linkLifetime: TimeInterval = 600
    /// How long a session works, in seconds.
    public var sessionLifetime: TimeInterval = 43_200
    /// The TOTP algorithm for new enrolments.
    public var totpAlgorithm: OTPAlgorithm = .sha1
    /// The TOTP digits for new enrolments.
    public var totpDigits = 6
    /// The TOTP period in seconds for new enrolments.
    public var totpPeriod = 30
    /// Link-sending requests allowed per email address, existing or not, from one client network.
    public var linksPerAddress = RateLimit(count: 5, window: 900)
    /// Link-sending requests allowed per email address from all client networks together.
    public var linksPerAddressTotal = RateLimit(count: 20, window: 3600)
    /// Requests allowed per client network, counted by ``MFAService/admitRequest(from:)``.
    public var requestsPerClient = RateLimit(count: 60, window: 60)
    /// Failed attempts after which a link is burned.
    public var attemptsPerLink = 5
    /// How consecutive failed completions lock an account, and the ceiling
    /// from which TOTP codes are refused.
    public var lockPolicy = LockPolicy()
    /// The relying party id of passkeys: a domain, the public URL's host or a parent
    /// of it; `nil` for the public URL's host (see ``relyingParty``).
    public var passkeyRelyingPartyID: String?
    /// The exact origins (`scheme://host[:port]`) passkey ceremonies may run from;
    /// empty for the public URL's origin alone.
    public var passkeyOrigins: [String] = []
    /// How many password hashes run at once; each Argon2id hash holds 19 MiB.
    public var concurrentPasswordHashes = ProcessInfo.processInfo.activeProcessorCount
    /// How many password hashes may wait for a turn before requests fail fast as overloaded.
    public var queuedPasswordHashes = 64

    /// Creates a configuration with the contract's defaults.
    public init(publicURL: String = "http://127.0.0.1:8000", issuer: String = "MFAServer") {
        self.publicURL = publicURL
        self.issuer = issuer
    }
}
