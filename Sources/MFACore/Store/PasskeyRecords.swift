import Foundation

/// A passkey (a WebAuthn credential) of an account, as the store keeps it.
///
/// Nothing in it is secret: the public key verifies signatures and cannot make
/// them, so it is stored in the clear, unlike TOTP secrets.
public struct PasskeyRecord: Sendable, Hashable {
    /// A random id that names the passkey to its owner (`DELETE /users/passkeys/{id}`).
    public var id: String
    /// The account it signs in.
    public var accountID: String
    /// The credential id the authenticator chose, 1 to 1023 bytes; unique among all accounts.
    public var credentialID: [UInt8]
    /// The credential public key as COSE_Key bytes.
    public var publicKey: [UInt8]
    /// The last signature counter accepted.
    public var signCount: UInt32
    /// Whether the credential may be synced (the BE flag at registration); it may never change.
    public var backupEligible: Bool
    /// The transports the browser reported at registration, as hints for later ceremonies.
    public var transports: [String]
    /// The name its owner gave it, or the default one.
    public var name: String
    /// When it was registered.
    public var createdAt: Date
    /// When it last answered an assertion.
    public var lastUsedAt: Date?

    /// Creates a passkey record.
    public init(
        id: String, accountID: String, credentialID: [UInt8], publicKey: [UInt8], signCount: UInt32,
        backupEligible: Bool, transports: [String], name: String, createdAt: Date, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.credentialID = credentialID
        self.publicKey = publicKey
        self.signCount = signCount
        self.backupEligible = backupEligible
        self.transports = transports
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}

/// Which ceremony a WebAuthn challenge was made for; an answer to one never serves another.
public enum PasskeyCeremony: String, Sendable, Hashable, CaseIterable {
    /// Registering a passkey, from a session.
    case registration
    /// A passkey as the second factor, through a link or from a session.
    case secondFactor = "second_factor"
    /// Signing in with a discoverable passkey alone.
    case signIn = "sign_in"
}

/// A WebAuthn challenge waiting for its answer: single use, bound to its ceremony
/// and to what asked for it, and short-lived.
public struct PasskeyChallenge: Sendable, Hashable {
    /// SHA-256 of the challenge's bytes; the challenge itself went to the browser.
    public var challengeHash: [UInt8]
    /// The ceremony it was made for.
    public var ceremony: PasskeyCeremony
    /// What it is bound to, compared exactly: a session or a link (see
    /// ``MFAService``), or `""` for a sign-in with a passkey alone, which has neither.
    public var binding: String
    /// When it stops being answerable.
    public var expiresAt: Date

    /// Creates a challenge record.
    public init(challengeHash: [UInt8], ceremony: PasskeyCeremony, binding: String, expiresAt: Date) {
        self.challengeHash = challengeHash
        self.ceremony = ceremony
        self.binding = binding
        self.expiresAt = expiresAt
    }
}

/// A verified passkey assertion that an ``AuthenticatedChange`` records: the
/// credential's new signature counter, stored only if it does not go backwards.
public struct PasskeyUse: Sendable, Hashable {
    /// The credential that signed.
    public var credentialID: [UInt8]
    /// The counter the authenticator reported.
    public var signCount: UInt32

    /// Creates a use.
    public init(credentialID: [UInt8], signCount: UInt32) {
        self.credentialID = credentialID
        self.signCount = signCount
    }

    /// Whether this counter may follow `stored`: it must grow, except for
    /// authenticators that keep no counter (synced passkeys), whose counter stays 0.
    public func follows(_ stored: UInt32) -> Bool {
        signCount > stored || (signCount == 0 && stored == 0)
    }
}
