import Foundation
import Synchronization

/// A store that keeps everything in memory, safe under concurrency.
///
/// It is the store to unit-test an integration with: fast, isolated, and
/// held to the same conformance suite as the SQL stores. Like them it only
/// ever receives hashes, PHC strings and sealed boxes. Its state is lost with
/// the process, so it is not for production.
public final class InMemoryStore: MFAStore {
    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    public func countEvent(key: String, limit: RateLimit, now: Date) async throws -> Date? {
        state.withLock { state in
            var window = state.limitWindows[key] ?? LimitWindow(end: now + limit.window, count: 0)
            if now >= window.end { window = LimitWindow(end: now + limit.window, count: 0) }
            guard window.count < limit.count else { return window.end }
            window.count += 1
            state.limitWindows[key] = window
            return nil
        }
    }

    public func recordFailure(accountID: String, maxFailures: Int, lockDuration: TimeInterval, now: Date) async throws -> Date? {
        state.withLock { state in
            guard var account = state.accounts[accountID] else { return nil }
            account.consecutiveFailures += 1
            var lockedUntil: Date?
            if account.consecutiveFailures >= maxFailures {
                lockedUntil = now + lockDuration
                account.lockedUntil = lockedUntil
                account.consecutiveFailures = 0
            }
            state.accounts[accountID] = account
            return lockedUntil
        }
    }

    public func account(emailKey: String) async throws -> AccountRecord? {
        state.withLock { state in state.accountIDs[emailKey].flatMap { state.accounts[$0] } }
    }

    public func account(id: String) async throws -> AccountRecord? {
        state.withLock { $0.accounts[id] }
    }

    public func pendingRegistration(emailKey: String, now: Date) async throws -> PendingRegistration? {
        state.withLock { state in state.pendingRegistrations[emailKey].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    public func link(tokenHash: [UInt8], now: Date) async throws -> LinkRecord? {
        state.withLock { state in state.links[tokenHash].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    public func recoveryCodeCount(accountID: String) async throws -> Int {
        state.withLock { $0.recoveryCodes[accountID]?.count ?? 0 }
    }

    public func savePendingRegistration(_ registration: PendingRegistration, link: LinkRecord, mail: QueuedMail) async throws {
        state.withLock { state in
            state.pendingRegistrations[registration.emailKey] = registration
            state.replaceLinks(with: link)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func issueLink(_ link: LinkRecord, mail: QueuedMail) async throws {
        state.withLock { state in
            state.replaceLinks(with: link)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func beginLinkAttempt(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord? {
        state.withLock { state in
            guard var link = state.links[tokenHash], link.purpose == purpose, link.expiresAt > now,
                  link.attempts < maxAttempts
            else { return nil }
            link.attempts += 1
            state.links[tokenHash] = link
            return link
        }
    }

    public func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink tokenHash: [UInt8], now: Date) async throws {
        try state.withLock { state in
            try state.checkUsable(link: tokenHash, subject: account.emailKey, now: now)
            guard state.accountIDs[account.emailKey] == nil else { throw MFAStoreError.emailTaken }
            state.links[tokenHash] = nil
            state.pendingRegistrations[account.emailKey] = nil
            state.accounts[account.id] = account
            state.accountIDs[account.emailKey] = account.id
            state.recoveryCodes[account.id] = Set(recoveryCodeHashes)
        }
    }

    public func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        try state.withLock { state in
            guard var account = state.accounts[change.accountID] else { throw MFAStoreError.accountNotFound }
            if let link = change.consumingLink { try state.checkUsable(link: link, subject: account.id, now: change.now) }
            if let step = change.acceptedTimeStep {
                if let last = account.lastAcceptedTimeStep, step <= last { throw MFAStoreError.timeStepAlreadyUsed }
                account.lastAcceptedTimeStep = step
            }
            var codes = state.recoveryCodes[account.id] ?? []
            if let code = change.recoveryCodeHash {
                guard codes.remove(code) != nil else { throw MFAStoreError.recoveryCodeNotFound }
            }
            let previousLogin = account.lastLoginAt
            if change.recordsLogin { account.lastLoginAt = change.now }
            if let hash = change.newPasswordHash { account.passwordHash = hash }
            account.consecutiveFailures = 0
            account.lockedUntil = nil

            if let link = change.consumingLink { state.links[link] = nil }
            state.accounts[account.id] = account
            state.recoveryCodes[account.id] = codes
            state.revokeSessions(of: account.id, change.revokedSessions)
            if let session = change.newSession { state.sessions[session.tokenHash] = session }
            for mail in change.mail { state.outbox[mail.id] = state.outboxEntry(mail) }
            return AuthenticatedChangeOutcome(
                previousLoginAt: change.recordsLogin ? previousLogin : nil,
                recoveryCodesRemaining: codes.count
            )
        }
    }

    public func replaceAuthenticator(
        accountID: String, with authenticator: SealedAuthenticator, recoveryCodeHashes: [[UInt8]],
        consumingLink tokenHash: [UInt8], mail: QueuedMail, now: Date
    ) async throws {
        try state.withLock { state in
            // The link first: when racing callers share it, every loser must see it used.
            try state.checkUsable(link: tokenHash, subject: accountID, now: now)
            guard var account = state.accounts[accountID] else { throw MFAStoreError.accountNotFound }
            state.links[tokenHash] = nil
            account.authenticator = authenticator
            account.lastAcceptedTimeStep = nil
            state.accounts[accountID] = account
            state.recoveryCodes[accountID] = Set(recoveryCodeHashes)
            state.revokeSessions(of: accountID, .all)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func deleteAccount(id: String, consumingLink tokenHash: [UInt8], mail: QueuedMail, now: Date) async throws {
        try state.withLock { state in
            // The link first: when racing callers share it, the losers find the
            // account gone, and must still be told that the link was used.
            try state.checkUsable(link: tokenHash, subject: id, now: now)
            guard let account = state.accounts[id] else { throw MFAStoreError.accountNotFound }
            state.accounts[id] = nil
            state.accountIDs[account.emailKey] = nil
            state.pendingRegistrations[account.emailKey] = nil
            state.recoveryCodes[id] = nil
            state.links = state.links.filter { $0.value.subject != id && $0.value.subject != account.emailKey }
            state.revokeSessions(of: id, .all)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func session(tokenHash: [UInt8], now: Date) async throws -> SessionRecord? {
        state.withLock { state in state.sessions[tokenHash].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    public func revokeSession(tokenHash: [UInt8]) async throws {
        _ = state.withLock { $0.sessions.removeValue(forKey: tokenHash) }
    }

    public func enqueue(_ mail: QueuedMail) async throws {
        state.withLock { state in state.outbox[mail.id] = state.outboxEntry(mail) }
    }

    public func claimMail(now: Date, leaseUntil: Date, limit: Int) async throws -> [QueuedMail] {
        state.withLock { state in
            let due = state.outbox.values
                .filter { $0.isDue(at: now) }
                .sorted { ($0.mail.notBefore, $0.sequence) < ($1.mail.notBefore, $1.sequence) }
                .prefix(limit)
            return due.map { entry in
                state.outbox[entry.mail.id]?.leasedUntil = leaseUntil
                return entry.mail
            }
        }
    }

    public func finishMail(id: String, as disposition: MailDisposition, now: Date) async throws {
        state.withLock { state in
            guard var entry = state.outbox[id] else { return }
            entry.leasedUntil = nil
            switch disposition {
            case .retry(let notBefore):
                entry.mail.attempts += 1
                entry.mail.notBefore = notBefore
            case .sent, .failed, .dropped:
                entry.mail.attempts += disposition == .dropped ? 0 : 1
                entry.finishedAt = now
            }
            state.outbox[id] = entry
        }
    }

    public func purgeExpired(now: Date, finishedMailRetention: TimeInterval) async throws {
        state.withLock { state in
            state.links = state.links.filter { $0.value.expiresAt > now }
            state.sessions = state.sessions.filter { $0.value.expiresAt > now }
            state.pendingRegistrations = state.pendingRegistrations.filter { $0.value.expiresAt > now }
            state.limitWindows = state.limitWindows.filter { $0.value.end > now }
            state.outbox = state.outbox.filter { entry in
                entry.value.finishedAt.map { $0 > now - finishedMailRetention } ?? true
            }
        }
    }

    public func checkHealth() async throws {}
}

extension InMemoryStore {
    /// Everything the store holds, for tests that check what was stored.
    public struct Snapshot: Sendable {
        /// Every account.
        public var accounts: [AccountRecord]
        /// Every pending registration.
        public var pendingRegistrations: [PendingRegistration]
        /// Every link.
        public var links: [LinkRecord]
        /// Every session.
        public var sessions: [SessionRecord]
        /// Every recovery-code hash, by account id.
        public var recoveryCodeHashes: [String: Set<[UInt8]>]
        /// Every message in the outbox, finished or not.
        public var outbox: [QueuedMail]
        /// The keys of the limit windows.
        public var limitKeys: [String]
    }

    public func importAccount(_ account: AccountRecord) async throws {
        try state.withLock { state in
            guard state.accountIDs[account.emailKey] == nil else { throw MFAStoreError.emailTaken }
            state.accounts[account.id] = account
            state.accountIDs[account.emailKey] = account.id
            state.recoveryCodes[account.id] = []
        }
    }

    public func replaceRecoveryCodes(accountID: String, acceptedTimeStep: UInt64, with hashes: [[UInt8]], mail: QueuedMail, now: Date) async throws {
        try state.withLock { state in
            guard var account = state.accounts[accountID] else { throw MFAStoreError.accountNotFound }
            if let last = account.lastAcceptedTimeStep, acceptedTimeStep <= last { throw MFAStoreError.timeStepAlreadyUsed }
            account.lastAcceptedTimeStep = acceptedTimeStep
            state.accounts[accountID] = account
            state.recoveryCodes[accountID] = Set(hashes)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    /// A copy of everything the store holds.
    public func snapshot() -> Snapshot {
        state.withLock { state in
            Snapshot(
                accounts: Array(state.accounts.values),
                pendingRegistrations: Array(state.pendingRegistrations.values),
                links: Array(state.links.values),
                sessions: Array(state.sessions.values),
                recoveryCodeHashes: state.recoveryCodes,
                outbox: state.outbox.values.map(\.mail),
                limitKeys: Array(state.limitWindows.keys)
            )
        }
    }
}

private struct State {
    var accounts: [String: AccountRecord] = [:]
    var accountIDs: [String: String] = [:]
    var pendingRegistrations: [String: PendingRegistration] = [:]
    var links: [[UInt8]: LinkRecord] = [:]
    var recoveryCodes: [String: Set<[UInt8]>] = [:]
    var sessions: [[UInt8]: SessionRecord] = [:]
    var limitWindows: [String: LimitWindow] = [:]
    var outbox: [String: OutboxEntry] = [:]
    var queuedMailCount = 0

    /// A link is usable by the account (or address) it was made for, until it expires.
    func checkUsable(link tokenHash: [UInt8], subject: String, now: Date) throws {
        guard let link = links[tokenHash], link.subject == subject, link.expiresAt > now else { throw MFAStoreError.linkNotUsable }
    }

    /// Numbers queued mail so that mail due at the same time leaves in order.
    mutating func outboxEntry(_ mail: QueuedMail) -> OutboxEntry {
        queuedMailCount += 1
        return OutboxEntry(mail: mail, sequence: queuedMailCount)
    }

    mutating func replaceLinks(with link: LinkRecord) {
        links = links.filter { $0.value.purpose != link.purpose || $0.value.subject != link.subject }
        links[link.tokenHash] = link
    }

    mutating func revokeSessions(of accountID: String, _ revocation: SessionRevocation) {
        switch revocation {
        case .none: return
        case .all: sessions = sessions.filter { $0.value.accountID != accountID }
        case .allExcept(let kept): sessions = sessions.filter { $0.value.accountID != accountID || $0.key == kept }
        }
    }
}

private struct LimitWindow {
    var end: Date
    var count: Int
}

private struct OutboxEntry {
    var mail: QueuedMail
    var sequence: Int
    var leasedUntil: Date?
    var finishedAt: Date?

    func isDue(at now: Date) -> Bool {
        finishedAt == nil && mail.notBefore <= now && (leasedUntil.map { $0 <= now } ?? true)
    }
}
