import Foundation

/// An account as the store keeps it: no secret in the clear.
public struct AccountRecord: Sendable, Hashable {
    /// The account's id, a random UUID string.
    public var id: String
    /// The address as given, trimmed.
    public var email: String
    /// The lowercased address, unique among accounts.
    public var emailKey: String
    /// The optional display name.
    public var fullName: String?
    /// The password as a PHC string.
    public var passwordHash: String
    /// The TOTP secret, sealed, with its parameters.
    public var authenticator: SealedAuthenticator
    /// The highest TOTP time step accepted so far; codes of this step or earlier are refused.
    public var lastAcceptedTimeStep: UInt64?
    /// When the account was created.
    public var createdAt: Date
    /// When the latest successful login happened.
    public var lastLoginAt: Date?
    /// Failed completions since the last success.
    public var consecutiveFailures: Int
    /// Until when completions are refused, after too many failures.
    public var lockedUntil: Date?

    /// Creates an account record.
    public init(
        id: String, email: String, emailKey: String, fullName: String?, passwordHash: String,
        authenticator: SealedAuthenticator, lastAcceptedTimeStep: UInt64? = nil, createdAt: Date,
        lastLoginAt: Date? = nil, consecutiveFailures: Int = 0, lockedUntil: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.emailKey = emailKey
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.authenticator = authenticator
        self.lastAcceptedTimeStep = lastAcceptedTimeStep
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
        self.consecutiveFailures = consecutiveFailures
        self.lockedUntil = lockedUntil
    }
}

/// A TOTP secret sealed under the server key, with the parameters it was issued with.
public struct SealedAuthenticator: Sendable, Hashable {
    /// The AES-GCM box of the secret's bytes, bound to the account id.
    public var sealedSecret: [UInt8]
    /// The HMAC algorithm.
    public var algorithm: OTPAlgorithm
    /// Digits per code.
    public var digits: Int
    /// Seconds per time step.
    public var period: Int

    /// Creates a sealed authenticator.
    public init(sealedSecret: [UInt8], algorithm: OTPAlgorithm, digits: Int, period: Int) {
        self.sealedSecret = sealedSecret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }
}

/// A registration waiting for its emailed confirmation.
public struct PendingRegistration: Sendable, Hashable {
    /// The address as given, trimmed.
    public var email: String
    /// The lowercased address; one pending registration per key.
    public var emailKey: String
    /// What its link names as subject: a keyed hash of the address key, so
    /// that links never hold an address.
    public var subject: String
    /// The optional display name.
    public var fullName: String?
    /// The password as a PHC string.
    public var passwordHash: String
    /// When it stops mattering: the expiry of its link.
    public var expiresAt: Date

    /// Creates a pending registration.
    public init(email: String, emailKey: String, subject: String, fullName: String?, passwordHash: String, expiresAt: Date) {
        self.email = email
        self.emailKey = emailKey
        self.subject = subject
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.expiresAt = expiresAt
    }
}

/// A one-time link as the store keeps it: the token's hash, never the token.
public struct LinkRecord: Sendable, Hashable {
    /// SHA-256 of the token.
    public var tokenHash: [UInt8]
    /// What the link is for.
    public var purpose: LinkPurpose
    /// Whom it is for: an account id, or a pending registration's ``PendingRegistration/subject``.
    public var subject: String
    /// When it stops working.
    public var expiresAt: Date
    /// Completion attempts made with it so far.
    public var attempts: Int

    /// Creates a link record.
    public init(tokenHash: [UInt8], purpose: LinkPurpose, subject: String, expiresAt: Date, attempts: Int = 0) {
        self.tokenHash = tokenHash
        self.purpose = purpose
        self.subject = subject
        self.expiresAt = expiresAt
        self.attempts = attempts
    }
}

/// A session as the store keeps it: the token's hash, never the token.
public struct SessionRecord: Sendable, Hashable {
    /// SHA-256 of the session token.
    public var tokenHash: [UInt8]
    /// The account it signs in.
    public var accountID: String
    /// When it was created.
    public var createdAt: Date
    /// When it stops working.
    public var expiresAt: Date

    /// Creates a session record.
    public init(tokenHash: [UInt8], accountID: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// An email waiting in the store's outbox, its content sealed under the server key.
public struct QueuedMail: Sendable, Hashable {
    /// A random id; also the context its box is sealed to.
    public var id: String
    /// The sealed JSON of the ``MailMessage``.
    public var sealedMessage: [UInt8]
    /// Not to be sent before this time (retries back off through it).
    public var notBefore: Date
    /// Not to be sent at or after this time: when the link it carries expires.
    public var expiresAt: Date?
    /// Delivery attempts made so far.
    public var attempts: Int

    /// Creates a queued mail.
    public init(id: String, sealedMessage: [UInt8], notBefore: Date, expiresAt: Date?, attempts: Int = 0) {
        self.id = id
        self.sealedMessage = sealedMessage
        self.notBefore = notBefore
        self.expiresAt = expiresAt
        self.attempts = attempts
    }

    /// Whether the link it carries has expired at `now`, so that it is dropped, never sent.
    public func hasExpired(at now: Date) -> Bool {
        expiresAt.map { $0 <= now } ?? false
    }
}
