import Foundation

/// Where MFACore keeps its state: accounts, pending registrations, links,
/// sessions, recovery codes, passkeys and their challenges, limit counters and the mail outbox.
///
/// The operations are the atomic steps the workflows need, not generic CRUD.
/// Each must be one transaction in a SQL store, so that several server
/// processes on one database never both succeed where only one may: one
/// token consumed once, one TOTP time step accepted once, one recovery code
/// used once. Stores receive only hashes, PHC strings and sealed boxes, never a
/// secret in the clear. Run `MFAStoreConformance` against any implementation.
public protocol MFAStore: Sendable {
    // MARK: Limits

    /// Counts one request against several limits at once, all or nothing: each
    /// event counts for its key in a fixed window of its `limit.window` seconds.
    ///
    /// A request that one limit refuses counts against none, so that refused
    /// requests never use up another budget.
    ///
    /// - Parameter events: the limits to count against, with distinct keys.
    /// - Returns: `nil` when every event is within its `limit.count` for its
    ///   current window, and all were counted; otherwise the latest end among
    ///   the windows that are full, and nothing was counted.
    func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date?

    /// Records a completion refused for wrong credentials, all at once.
    ///
    /// When the account is locked at `now` nothing is counted (``FailureOutcome/accountLocked(until:)``);
    /// when the link is gone, expired or burned nothing is counted (``FailureOutcome/linkUnusable``).
    /// Otherwise the link's attempts and the account's consecutive failures go up by one; the
    /// account locks for ``LockPolicy/lockDuration(atFailures:)`` when that count locks it, and
    /// ``FailedCompletion/notice(atFailures:)`` is queued when there is one.
    func recordFailure(_ failure: FailedCompletion) async throws -> FailureOutcome

    // MARK: Reading

    /// The account whose lowercased address is `emailKey`.
    func account(emailKey: String) async throws -> AccountRecord?

    /// The account with `id`.
    func account(id: String) async throws -> AccountRecord?

    /// The unexpired pending registration whose link names `subject`.
    func pendingRegistration(subject: String, now: Date) async throws -> PendingRegistration?

    /// The unexpired link whose token hashes to `tokenHash`, whatever its purpose or attempts.
    func link(tokenHash: [UInt8], now: Date) async throws -> LinkRecord?

    /// The number of unused recovery codes of an account.
    func recoveryCodeCount(accountID: String) async throws -> Int

    // MARK: Links and the mail that carries them

    /// Stores a pending registration and its link, replacing any older pending
    /// registration and unused ``LinkPurpose/createAccount`` link for the same
    /// address, and queues `mail`, all at once.
    func savePendingRegistration(_ registration: PendingRegistration, link: LinkRecord, mail: QueuedMail) async throws

    /// Stores `link`, deleting every unused older link of the same purpose and
    /// subject, and queues `mail`, all at once.
    func issueLink(_ link: LinkRecord, mail: QueuedMail) async throws

    /// Counts against `events` as ``countEvents(_:now:)`` does and, when every
    /// limit had room, issues `link` and queues `mail` as ``issueLink(_:mail:)``
    /// does: a link request's whole write.
    ///
    /// - Returns: `nil` when the link was issued; otherwise what
    ///   ``countEvents(_:now:)`` returns, and nothing was counted or issued.
    ///
    /// The default makes the two calls; a SQL store does both in one transaction.
    func issueLink(_ link: LinkRecord, mail: QueuedMail, countingAgainst events: [LimitedEvent], now: Date) async throws -> Date?

    /// The link whose token hashes to `tokenHash`, if it serves `purpose`, is
    /// unexpired and has counted fewer than `maxAttempts` failures. Counts nothing:
    /// only ``recordFailure(_:)`` spends an attempt, so a request refused for a
    /// lock or an overload leaves the link as it was.
    func usableLink(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord?

    // MARK: Changes completed through a link or a session

    /// Consumes the ``LinkPurpose/createAccount`` link, deletes the address's pending registration and creates
    /// the account with its recovery codes, all at once.
    ///
    /// - Throws: ``MFAStoreError/linkNotUsable`` when the link is gone, expired, burned or of another purpose;
    ///   ``MFAStoreError/emailTaken`` when an account has the address already.
    func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink link: LinkUse, now: Date) async throws

    /// Applies a change that a password and second factor just authorised, all at once,
    /// queueing every mail it promises in the same step.
    ///
    /// The link is checked first, so every loser of a race on it sees
    /// ``MFAStoreError/linkNotUsable`` even when the winner deleted the account.
    /// A lock and the failure ceiling are checked again here, because the
    /// caller's look at the account may be stale by the time it commits.
    ///
    /// - Throws: ``MFAStoreError/linkNotUsable``, ``MFAStoreError/accountNotFound``,
    ///   ``MFAStoreError/accountLocked(until:)``, ``MFAStoreError/totpRefusedAtCeiling``,
    ///   ``MFAStoreError/timeStepAlreadyUsed``, ``MFAStoreError/recoveryCodeNotFound``,
    ///   ``MFAStoreError/passkeyNotFound`` or ``MFAStoreError/signCountNotIncreased``,
    ///   changing nothing.
    func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome

    // MARK: Passkeys

    /// Stores a WebAuthn challenge until ``consumePasskeyChallenge(hash:ceremony:binding:now:)``
    /// or ``purgeExpired(now:finishedMailRetention:)`` removes it.
    func savePasskeyChallenge(_ challenge: PasskeyChallenge) async throws

    /// Deletes the challenge whose hash is `hash`, if it was saved for `ceremony` and
    /// `binding` and is unexpired at `now`, all at once. A challenge of another ceremony
    /// or binding stays as it was.
    ///
    /// - Returns: whether it did: `true` at most once per saved challenge, even for
    ///   callers racing on it.
    func consumePasskeyChallenge(hash: [UInt8], ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> Bool

    /// Adds a passkey to its account and queues `mail`, all at once.
    ///
    /// - Throws: ``MFAStoreError/accountNotFound``; ``MFAStoreError/credentialTaken``
    ///   when any account has a passkey with the same credential id.
    func addPasskey(_ passkey: PasskeyRecord, mail: QueuedMail) async throws

    /// The passkeys of an account, oldest first.
    func passkeys(accountID: String) async throws -> [PasskeyRecord]

    /// The passkey whose credential id is `credentialID`, whichever account it belongs to.
    func passkey(credentialID: [UInt8]) async throws -> PasskeyRecord?

    // MARK: Sessions

    /// The unexpired session whose token hashes to `tokenHash`.
    func session(tokenHash: [UInt8], now: Date) async throws -> SessionRecord?

    /// The unexpired session whose token hashes to `tokenHash`, with its account:
    /// what every signed-in request asks first.
    ///
    /// The default asks ``session(tokenHash:now:)`` and then ``account(id:)``;
    /// a SQL store answers in one query, one trip to its connection instead of two.
    func signedIn(tokenHash: [UInt8], now: Date) async throws -> (SessionRecord, AccountRecord)?

    /// Ends a session. Ending an unknown session does nothing.
    func revokeSession(tokenHash: [UInt8]) async throws

    // MARK: Outbox

    /// Queues a message that carries no link.
    func enqueue(_ mail: QueuedMail) async throws

    /// Claims up to `limit` messages that are due, so that no other worker
    /// takes them until `leaseUntil`.
    func claimMail(now: Date, leaseUntil: Date, limit: Int) async throws -> [QueuedMail]

    /// Records what became of a claimed message.
    func finishMail(id: String, as disposition: MailDisposition, now: Date) async throws

    /// Finishes as dropped, all at once, every message that ``claimMail(now:leaseUntil:limit:)``
    /// would claim at `now` and whose link expired by then, without claiming them.
    ///
    /// Every link request for an unknown address queues such a message (a
    /// decoy that expires as it is written), so most of a busy outbox is
    /// dropped unread; claiming and finishing each cost two writes a message.
    /// The default drops none: the delivery worker then drops each it claims.
    ///
    /// - Returns: how many messages were dropped.
    func dropExpiredMail(now: Date) async throws -> Int

    // MARK: Housekeeping

    /// Deletes expired links, sessions, pending registrations, passkey challenges and
    /// limit windows, and finished mail older than `finishedMailRetention` seconds.
    func purgeExpired(now: Date, finishedMailRetention: TimeInterval) async throws

    /// Throws when the store cannot answer.
    func checkHealth() async throws

    // MARK: Keys

    /// The sealed hash key: the one stored, or else `candidate`, stored now.
    /// Every caller gets the same key, even when several start at once.
    func hashKey(storingIfAbsent candidate: [UInt8]) async throws -> [UInt8]

    /// Every sealed value (TOTP secrets, queued mail finished or not, the hash
    /// key) whose bytes do not start with `keyID`: those not sealed by that key.
    func sealedValues(notStartingWith keyID: [UInt8]) async throws -> [SealedValue]

    /// Replaces a sealed value with `resealed`, only if it is still stored as `value.sealed`.
    ///
    /// - Returns: whether it was replaced; `false` when it changed or went meanwhile.
    func reseal(_ value: SealedValue, as resealed: [UInt8]) async throws -> Bool

    /// Makes rows written before keyed hashes keyed, once: recovery-code hashes
    /// and pending registrations' link subjects; drops every limit window (their
    /// keys were unkeyed). Does nothing when there are no such rows.
    func upgradeLegacyRows(_ upgrade: LegacyRowUpgrade) async throws

    // MARK: Imports

    /// Creates an account brought from another system, with no recovery codes
    /// and no link: the operator's import.
    ///
    /// - Throws: ``MFAStoreError/emailTaken`` when an account has the address already.
    func importAccount(_ account: AccountRecord) async throws

    // MARK: Operators

    /// The number of unexpired sessions of an account.
    func sessionCount(accountID: String, now: Date) async throws -> Int

    /// Clears an account's lock and consecutive failures (and so the failure ceiling).
    ///
    /// - Throws: ``MFAStoreError/accountNotFound``.
    func unlockAccount(id: String) async throws

    /// Ends every session of an account.
    ///
    /// - Returns: how many sessions there were.
    func revokeSessions(accountID: String) async throws -> Int

    /// Deletes the account and everything that belongs to it, as ``commit(_:)``
    /// with ``AuthenticatedChange/deletesAccount`` does, and queues `mail`, all at
    /// once; for an operator, so no second factor, lock or link is involved.
    ///
    /// - Throws: ``MFAStoreError/accountNotFound``.
    func deleteAccount(id: String, mail: QueuedMail) async throws

    /// How many accounts, locked accounts (locked at `now`, or with
    /// `failureCeiling` consecutive failures or more), unexpired pending
    /// registrations and unfinished messages the store holds.
    func summary(now: Date, failureCeiling: Int) async throws -> StoreSummary
}

extension MFAStore {
    public func issueLink(_ link: LinkRecord, mail: QueuedMail, countingAgainst events: [LimitedEvent], now: Date) async throws -> Date? {
        if let retryAt = try await countEvents(events, now: now) { return retryAt }
        try await issueLink(link, mail: mail)
        return nil
    }

    public func dropExpiredMail(now: Date) async throws -> Int { 0 }

    public func signedIn(tokenHash: [UInt8], now: Date) async throws -> (SessionRecord, AccountRecord)? {
        guard let session = try await session(tokenHash: tokenHash, now: now),
              let account = try await account(id: session.accountID)
        else { return nil }
        return (session, account)
    }
}

/// Counts for an operator's overview.
public struct StoreSummary: Sendable, Hashable {
    /// Every account.
    public var accounts: Int
    /// Accounts locked at the time asked, or at or above the failure ceiling.
    public var lockedAccounts: Int
    /// Unexpired pending registrations.
    public var pendingRegistrations: Int
    /// Messages not yet sent or given up.
    public var queuedMail: Int

    /// Creates a summary.
    public init(accounts: Int, lockedAccounts: Int, pendingRegistrations: Int, queuedMail: Int) {
        self.accounts = accounts
        self.lockedAccounts = lockedAccounts
        self.pendingRegistrations = pendingRegistrations
        self.queuedMail = queuedMail
    }
}

/// A change to an account that a password and a second factor just authorised:
/// a login, a password reset or change, a new authenticator, or a deletion.
public struct AuthenticatedChange: Sendable {
    /// The account changed.
    public var accountID: String
    /// The link to consume, if the change came through one.
    public var consumingLink: LinkUse?
    /// The TOTP time step used; must be later than every step accepted before.
    public var acceptedTimeStep: UInt64?
    /// The hash of the recovery code used; it must exist and is used up.
    public var recoveryCodeHash: [UInt8]?
    /// The passkey assertion used: the credential must be the account's, and its
    /// counter must follow the stored one (``PasskeyUse/follows(_:)``); the counter
    /// and the last use are stored.
    public var passkeyUse: PasskeyUse?
    /// Consecutive failures from which a TOTP time step is refused; `nil` for no ceiling.
    public var failureCeiling: Int?
    /// Whether this is a login: the previous login time is returned and replaced by `now`.
    public var recordsLogin: Bool
    /// A new password hash to store (a changed password, or a rehash at login).
    public var newPasswordHash: String?
    /// A new authenticator and recovery codes; the accepted time steps are forgotten.
    public var replacesAuthenticator: AuthenticatorReplacement?
    /// The hashes of a fresh set of recovery codes that replaces the account's
    /// (the authenticator stays).
    public var replacesRecoveryCodes: [[UInt8]]?
    /// The id of a passkey of the account to remove; it must exist.
    ///
    /// Removing a passkey never leaves an account without a factor other than its
    /// recovery codes: every account keeps its TOTP authenticator, which is replaced
    /// but never removed (``AccountRecord/authenticator`` is not optional).
    public var removesPasskey: String?
    /// Whether the account and everything it owns (sessions, recovery codes,
    /// passkeys, links, pending registration) are deleted.
    public var deletesAccount: Bool
    /// The sessions to revoke.
    public var revokedSessions: SessionRevocation
    /// A session to create.
    public var newSession: SessionRecord?
    /// Mail to queue with the change.
    public var mail: [QueuedMail]
    /// Mail to queue with the change that needs the number of recovery codes
    /// left after it, known only inside the store's transaction.
    public var recoveryCodeNotice: (@Sendable (_ remaining: Int) -> QueuedMail)?
    /// The time of the change.
    public var now: Date

    /// Creates a change; every effect defaults to none.
    public init(
        accountID: String, consumingLink: LinkUse? = nil, acceptedTimeStep: UInt64? = nil,
        recoveryCodeHash: [UInt8]? = nil, passkeyUse: PasskeyUse? = nil, failureCeiling: Int? = nil,
        recordsLogin: Bool = false, newPasswordHash: String? = nil, replacesAuthenticator: AuthenticatorReplacement? = nil,
        replacesRecoveryCodes: [[UInt8]]? = nil, removesPasskey: String? = nil,
        deletesAccount: Bool = false, revokedSessions: SessionRevocation = .none, newSession: SessionRecord? = nil,
        mail: [QueuedMail] = [], recoveryCodeNotice: (@Sendable (_ remaining: Int) -> QueuedMail)? = nil, now: Date
    ) {
        self.accountID = accountID
        self.consumingLink = consumingLink
        self.acceptedTimeStep = acceptedTimeStep
        self.recoveryCodeHash = recoveryCodeHash
        self.passkeyUse = passkeyUse
        self.failureCeiling = failureCeiling
        self.recordsLogin = recordsLogin
        self.newPasswordHash = newPasswordHash
        self.replacesAuthenticator = replacesAuthenticator
        self.replacesRecoveryCodes = replacesRecoveryCodes
        self.removesPasskey = removesPasskey
        self.deletesAccount = deletesAccount
        self.revokedSessions = revokedSessions
        self.newSession = newSession
        self.mail = mail
        self.recoveryCodeNotice = recoveryCodeNotice
        self.now = now
    }

    /// Whether the TOTP time step must be refused for an account with `failures` consecutive failures.
    public func refusesTOTP(atFailures failures: Int) -> Bool {
        guard acceptedTimeStep != nil, let failureCeiling else { return false }
        return failures >= failureCeiling
    }
}

/// A new authenticator and recovery codes, replacing the old ones.
public struct AuthenticatorReplacement: Sendable, Hashable {
    /// The new sealed TOTP secret and its parameters.
    public var authenticator: SealedAuthenticator
    /// The hashes of the new recovery codes.
    public var recoveryCodeHashes: [[UInt8]]

    /// Creates a replacement.
    public init(authenticator: SealedAuthenticator, recoveryCodeHashes: [[UInt8]]) {
        self.authenticator = authenticator
        self.recoveryCodeHashes = recoveryCodeHashes
    }
}

/// Which sessions an ``AuthenticatedChange`` revokes.
public enum SessionRevocation: Sendable, Hashable {
    /// None.
    case none
    /// Every session of the account.
    case all
    /// Every session of the account except the one whose token hashes to this.
    case allExcept([UInt8])
}

/// What an ``AuthenticatedChange`` found while it applied.
public struct AuthenticatedChangeOutcome: Sendable, Hashable {
    /// The login before this one, when the change records a login.
    public var previousLoginAt: Date?
    /// The unused recovery codes left after the change (0 after a deletion).
    public var recoveryCodesRemaining: Int

    /// Creates an outcome.
    public init(previousLoginAt: Date?, recoveryCodesRemaining: Int) {
        self.previousLoginAt = previousLoginAt
        self.recoveryCodesRemaining = recoveryCodesRemaining
    }
}

/// What became of a claimed message.
public enum MailDisposition: Sendable, Hashable {
    /// Delivered.
    case sent
    /// Refused for good; not retried.
    case failed
    /// Not sent because its link expired first.
    case dropped
    /// Failed for now; due again at the given time.
    case retry(notBefore: Date)
}

/// A fixed-window limit: at most `count` events per `window` seconds.
public struct RateLimit: Sendable, Hashable {
    /// Events allowed per window.
    public var count: Int
    /// The window's length in seconds.
    public var window: TimeInterval

    /// Creates a limit.
    public init(count: Int, window: TimeInterval) {
        self.count = count
        self.window = window
    }
}

/// Why a store refused an atomic operation. Nothing was changed.
public enum MFAStoreError: Error, Sendable, Equatable {
    /// The link is gone, used, or expired.
    case linkNotUsable
    /// The TOTP time step is not later than the last one accepted.
    case timeStepAlreadyUsed
    /// The recovery code does not exist or was used.
    case recoveryCodeNotFound
    /// The account does not exist (any more).
    case accountNotFound
    /// The account is locked after failed completions until the given time.
    case accountLocked(until: Date)
    /// The account reached the failure ceiling: TOTP codes are refused until a recovery-code success.
    case totpRefusedAtCeiling
    /// Another account has this address.
    case emailTaken
    /// A passkey with this credential id is registered already.
    case credentialTaken
    /// The account has no passkey with this id or credential id (any more).
    case passkeyNotFound
    /// The passkey's signature counter went backwards (or stayed, and is not 0).
    case signCountNotIncreased
    /// The store cannot be reached or failed; the description is for logs only.
    case unavailable(String)
}
