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

    public func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date? {
        state.withLock { state in
            let windows = events.map { event in
                state.limitWindows[event.key].flatMap { now < $0.end ? $0 : nil } ?? LimitWindow(end: now + event.limit.window, count: 0)
            }
            let fullUntil = zip(events, windows).filter { $1.count >= $0.limit.count }.map(\.1.end).max()
            guard fullUntil == nil else { return fullUntil }
            for (event, window) in zip(events, windows) {
                state.limitWindows[event.key] = LimitWindow(end: window.end, count: window.count + 1)
            }
            return nil
        }
    }

    public func recordFailure(_ failure: FailedCompletion) async throws -> FailureOutcome {
        state.withLock { state in
            let account = failure.accountID.flatMap { state.accounts[$0] }
            if let lockedUntil = account?.lockedUntil, lockedUntil > failure.now { return .accountLocked(until: lockedUntil) }
            if let use = failure.link {
                guard var link = state.links[use.tokenHash], link.isUsable(use, now: failure.now) else { return .linkUnusable }
                link.attempts += 1
                state.links[use.tokenHash] = link
            }
            guard var account else { return .counted(failures: 0, lockedUntil: nil) }
            account.consecutiveFailures += 1
            let failures = account.consecutiveFailures
            let lockedUntil = failure.policy.lockDuration(atFailures: failures).map { failure.now + $0 }
            if let lockedUntil { account.lockedUntil = lockedUntil }
            state.accounts[account.id] = account
            if let notice = failure.notice(atFailures: failures) { state.outbox[notice.id] = state.outboxEntry(notice) }
            return .counted(failures: failures, lockedUntil: lockedUntil)
        }
    }

    public func account(emailKey: String) async throws -> AccountRecord? {
        state.withLock { state in state.accountIDs[emailKey].flatMap { state.accounts[$0] } }
    }

    public func account(id: String) async throws -> AccountRecord? {
        state.withLock { $0.accounts[id] }
    }

    public func pendingRegistration(subject: String, now: Date) async throws -> PendingRegistration? {
        state.withLock { state in state.pendingRegistrations.values.first { $0.subject == subject && $0.expiresAt > now } }
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

    public func usableLink(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord? {
        state.withLock { state in
            state.links[tokenHash].flatMap { link in
                link.purpose == purpose && link.isUsable(LinkUse(tokenHash: tokenHash, maxAttempts: maxAttempts), now: now) ? link : nil
            }
        }
    }

    public func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink link: LinkUse, now: Date) async throws {
        try state.withLock { state in
            guard let stored = state.links[link.tokenHash], stored.purpose == .createAccount, stored.isUsable(link, now: now) else {
                throw MFAStoreError.linkNotUsable
            }
            guard state.accountIDs[account.emailKey] == nil else { throw MFAStoreError.emailTaken }
            state.links[link.tokenHash] = nil
            state.pendingRegistrations[account.emailKey] = nil
            state.accounts[account.id] = account
            state.accountIDs[account.emailKey] = account.id
            state.recoveryCodes[account.id] = Set(recoveryCodeHashes)
        }
    }

    public func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        try state.withLock { state in
            // The link first: when racing callers share it, every loser must see it used.
            if let link = change.consumingLink { try state.checkUsable(link: link, subject: change.accountID, now: change.now) }
            guard var account = state.accounts[change.accountID] else { throw MFAStoreError.accountNotFound }
            if let lockedUntil = account.lockedUntil, lockedUntil > change.now { throw MFAStoreError.accountLocked(until: lockedUntil) }
            if change.refusesTOTP(atFailures: account.consecutiveFailures) { throw MFAStoreError.totpRefusedAtCeiling }
            if let step = change.acceptedTimeStep {
                if let last = account.lastAcceptedTimeStep, step <= last { throw MFAStoreError.timeStepAlreadyUsed }
                account.lastAcceptedTimeStep = step
            }
            var codes = state.recoveryCodes[account.id] ?? []
            if let code = change.recoveryCodeHash {
                guard codes.remove(code) != nil else { throw MFAStoreError.recoveryCodeNotFound }
            }
            let usedPasskey = try change.passkeyUse.map { use in try state.checkPasskeyUse(use, by: account.id) }
            if let id = change.removesPasskey, state.passkeys[id]?.accountID != account.id { throw MFAStoreError.passkeyNotFound }
            // Every check passed: from here on nothing throws.
            if let link = change.consumingLink { state.links[link.tokenHash] = nil }
            if let usedPasskey, let use = change.passkeyUse {
                state.passkeys[usedPasskey.id]?.signCount = use.signCount
                state.passkeys[usedPasskey.id]?.lastUsedAt = change.now
            }
            if let id = change.removesPasskey { state.passkeys[id] = nil }
            for mail in change.mail { state.outbox[mail.id] = state.outboxEntry(mail) }
            if change.deletesAccount {
                state.delete(account)
                return AuthenticatedChangeOutcome(previousLoginAt: nil, recoveryCodesRemaining: 0)
            }
            let previousLogin = account.lastLoginAt
            if change.recordsLogin { account.lastLoginAt = change.now }
            if let hash = change.newPasswordHash { account.passwordHash = hash }
            if let replacement = change.replacesAuthenticator {
                account.authenticator = replacement.authenticator
                account.lastAcceptedTimeStep = nil
                codes = Set(replacement.recoveryCodeHashes)
            }
            if let hashes = change.replacesRecoveryCodes { codes = Set(hashes) }
            account.consecutiveFailures = 0
            account.lockedUntil = nil

            state.accounts[account.id] = account
            state.recoveryCodes[account.id] = codes
            state.revokeSessions(of: account.id, change.revokedSessions)
            if let session = change.newSession { state.sessions[session.tokenHash] = session }
            if let notice = change.recoveryCodeNotice?(codes.count) { state.outbox[notice.id] = state.outboxEntry(notice) }
            return AuthenticatedChangeOutcome(
                previousLoginAt: change.recordsLogin ? previousLogin : nil,
                recoveryCodesRemaining: codes.count
            )
        }
    }

    public func savePasskeyChallenge(_ challenge: PasskeyChallenge) async throws {
        state.withLock { $0.passkeyChallenges[challenge.challengeHash] = challenge }
    }

    public func consumePasskeyChallenge(hash: [UInt8], ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> Bool {
        state.withLock { state in
            guard let challenge = state.passkeyChallenges[hash], challenge.ceremony == ceremony,
                  challenge.binding.hasSameBytes(as: binding), challenge.expiresAt > now
            else { return false }
            state.passkeyChallenges[hash] = nil
            return true
        }
    }

    public func addPasskey(_ passkey: PasskeyRecord, mail: QueuedMail) async throws {
        try state.withLock { state in
            guard state.accounts[passkey.accountID] != nil else { throw MFAStoreError.accountNotFound }
            guard !state.passkeys.values.contains(where: { $0.credentialID == passkey.credentialID }) else {
                throw MFAStoreError.credentialTaken
            }
            state.passkeys[passkey.id] = passkey
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func passkeys(accountID: String) async throws -> [PasskeyRecord] {
        state.withLock { state in
            state.passkeys.values.filter { $0.accountID == accountID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    public func passkey(credentialID: [UInt8]) async throws -> PasskeyRecord? {
        state.withLock { state in state.passkeys.values.first { $0.credentialID == credentialID } }
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

    public func dropExpiredMail(now: Date) async throws -> Int {
        state.withLock { state in
            let expired = state.outbox.values.filter { $0.isDue(at: now) && $0.mail.hasExpired(at: now) }
            for entry in expired { state.outbox[entry.mail.id]?.finishedAt = now }
            return expired.count
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
            state.pendingRegistrations = state.pendingRegistrations.filter { $0.expiresAt > now }
            state.limitWindows = state.limitWindows.filter { $0.end > now }
            state.passkeyChallenges = state.passkeyChallenges.filter { $0.value.expiresAt > now }
            state.outbox = state.outbox.filter { entry in
                entry.value.finishedAt.map { $0 > now - finishedMailRetention } ?? true
            }
        }
    }

    public func checkHealth() async throws {}

    public func hashKey(storingIfAbsent candidate: [UInt8]) async throws -> [UInt8] {
        state.withLock { state in
            if state.hashKey == nil { state.hashKey = candidate }
            return state.hashKey!
        }
    }

    public func sealedValues(notStartingWith keyID: [UInt8]) async throws -> [SealedValue] {
        state.withLock { state in state.sealedValues().filter { !$0.sealed.starts(with: keyID) } }
    }

    public func reseal(_ value: SealedValue, as resealed: [UInt8]) async throws -> Bool {
        state.withLock { state in
            guard state.sealedValues().contains(value) else { return false }
            switch value.location {
            case .totpSecret(let accountID): state.accounts[accountID]?.authenticator.sealedSecret = resealed
            case .mail(let id): state.outbox[id]?.mail.sealedMessage = resealed
            case .hashKey: state.hashKey = resealed
            }
            return true
        }
    }

    /// Nothing to do: this store never held rows from before keyed hashes.
    public func upgradeLegacyRows(_ upgrade: LegacyRowUpgrade) async throws {}
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

    public func sessionCount(accountID: String, now: Date) async throws -> Int {
        state.withLock { state in state.sessions.values.count { $0.accountID == accountID && $0.expiresAt > now } }
    }

    public func unlockAccount(id: String) async throws {
        try state.withLock { state in
            guard state.accounts[id] != nil else { throw MFAStoreError.accountNotFound }
            state.accounts[id]?.consecutiveFailures = 0
            state.accounts[id]?.lockedUntil = nil
        }
    }

    public func revokeSessions(accountID: String) async throws -> Int {
        state.withLock { state in
            let count = state.sessions.values.count { $0.accountID == accountID }
            state.revokeSessions(of: accountID, .all)
            return count
        }
    }

    public func deleteAccount(id: String, mail: QueuedMail) async throws {
        try state.withLock { state in
            guard let account = state.accounts[id] else { throw MFAStoreError.accountNotFound }
            state.delete(account)
            state.outbox[mail.id] = state.outboxEntry(mail)
        }
    }

    public func summary(now: Date, failureCeiling: Int) async throws -> StoreSummary {
        state.withLock { state in
            StoreSummary(
                accounts: state.accounts.count,
                lockedAccounts: state.accounts.values.count { ($0.lockedUntil.map { $0 > now } ?? false) || $0.consecutiveFailures >= failureCeiling },
                pendingRegistrations: state.pendingRegistrations.values.count { $0.expiresAt > now },
                queuedMail: state.outbox.values.count { $0.finishedAt == nil }
            )
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
                limitKeys: state.limitWindows.keys
            )
        }
    }
}

private struct State {
    var accounts: [String: AccountRecord] = [:]
    var accountIDs: ExactKeyDictionary<String> = [:]
    var pendingRegistrations: ExactKeyDictionary<PendingRegistration> = [:]
    var links: [[UInt8]: LinkRecord] = [:]
    var recoveryCodes: [String: Set<[UInt8]>] = [:]
    var sessions: [[UInt8]: SessionRecord] = [:]
    var passkeys: [String: PasskeyRecord] = [:]
    var passkeyChallenges: [[UInt8]: PasskeyChallenge] = [:]
    var limitWindows: ExactKeyDictionary<LimitWindow> = [:]
    var outbox: [String: OutboxEntry] = [:]
    var queuedMailCount = 0
    var hashKey: [UInt8]?

    func sealedValues() -> [SealedValue] {
        accounts.values.map { SealedValue(location: .totpSecret(accountID: $0.id), sealed: $0.authenticator.sealedSecret) }
            + outbox.values.map { SealedValue(location: .mail(id: $0.mail.id), sealed: $0.mail.sealedMessage) }
            + (hashKey.map { [SealedValue(location: .hashKey, sealed: $0)] } ?? [])
    }

    /// A link is usable by the account it was made for, until it expires or burns.
    func checkUsable(link use: LinkUse, subject: String, now: Date) throws {
        guard let link = links[use.tokenHash], link.subject.hasSameBytes(as: subject), link.isUsable(use, now: now) else {
            throw MFAStoreError.linkNotUsable
        }
    }

    /// The account's passkey that `use` names, if its counter may follow the stored one.
    func checkPasskeyUse(_ use: PasskeyUse, by accountID: String) throws -> PasskeyRecord {
        guard let passkey = passkeys.values.first(where: { $0.credentialID == use.credentialID }), passkey.accountID == accountID else {
            throw MFAStoreError.passkeyNotFound
        }
        guard use.follows(passkey.signCount) else { throw MFAStoreError.signCountNotIncreased }
        return passkey
    }

    /// Deletes an account and everything that belongs to it.
    mutating func delete(_ account: AccountRecord) {
        accounts[account.id] = nil
        accountIDs[account.emailKey] = nil
        let registration = pendingRegistrations[account.emailKey]
        pendingRegistrations[account.emailKey] = nil
        recoveryCodes[account.id] = nil
        passkeys = passkeys.filter { $0.value.accountID != account.id }
        links = links.filter { $0.value.subject != account.id && $0.value.subject != registration?.subject }
        revokeSessions(of: account.id, .all)
    }

    /// Numbers queued mail so that mail due at the same time leaves in order.
    mutating func outboxEntry(_ mail: QueuedMail) -> OutboxEntry {
        queuedMailCount += 1
        return OutboxEntry(mail: mail, sequence: queuedMailCount)
    }

    mutating func replaceLinks(with link: LinkRecord) {
        links = links.filter { $0.value.purpose != link.purpose || !$0.value.subject.hasSameBytes(as: link.subject) }
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

extension LinkRecord {
    /// Whether the link still works for `use` at `now`: unexpired and not burned.
    fileprivate func isUsable(_ use: LinkUse, now: Date) -> Bool {
        expiresAt > now && attempts < use.maxAttempts
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
