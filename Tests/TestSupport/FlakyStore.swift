import Foundation
import MFACore
import Synchronization

/// An in-memory store that can be taken down, to see the server answer 503.
///
/// It forwards every requirement of `MFAStore` to an `InMemoryStore` and
/// implements none that has a default, so it is also a store that keeps the
/// protocol's defaults (the conformance suite runs on it).
public final class FlakyStore: MFAStore {
    public init() {}

    private let base = InMemoryStore()
    private let down = Atomic(false)

    /// Makes every operation fail as a database outage would, or work again.
    public func setDown(_ isDown: Bool) { down.store(isDown, ordering: .sequentiallyConsistent) }

    private func check() throws {
        if down.load(ordering: .sequentiallyConsistent) { throw MFAStoreError.unavailable("the test took the store down") }
    }

    public func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date? {
        try check(); return try await base.countEvents(events, now: now)
    }
    public func recordFailure(_ failure: FailedCompletion) async throws -> FailureOutcome {
        try check(); return try await base.recordFailure(failure)
    }
    public func account(emailKey: String) async throws -> AccountRecord? {
        try check(); return try await base.account(emailKey: emailKey)
    }
    public func account(id: String) async throws -> AccountRecord? {
        try check(); return try await base.account(id: id)
    }
    public func pendingRegistration(subject: String, now: Date) async throws -> PendingRegistration? {
        try check(); return try await base.pendingRegistration(subject: subject, now: now)
    }
    public func link(tokenHash: [UInt8], now: Date) async throws -> LinkRecord? {
        try check(); return try await base.link(tokenHash: tokenHash, now: now)
    }
    public func recoveryCodeCount(accountID: String) async throws -> Int {
        try check(); return try await base.recoveryCodeCount(accountID: accountID)
    }
    public func savePendingRegistration(_ registration: PendingRegistration, link: LinkRecord, mail: QueuedMail) async throws {
        try check(); try await base.savePendingRegistration(registration, link: link, mail: mail)
    }
    public func issueLink(_ link: LinkRecord, mail: QueuedMail) async throws {
        try check(); try await base.issueLink(link, mail: mail)
    }
    public func usableLink(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord? {
        try check(); return try await base.usableLink(tokenHash: tokenHash, purpose: purpose, maxAttempts: maxAttempts, now: now)
    }
    public func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink link: LinkUse, now: Date) async throws {
        try check(); try await base.createAccount(account, recoveryCodeHashes: recoveryCodeHashes, consumingLink: link, now: now)
    }
    public func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        try check(); return try await base.commit(change)
    }
    public func savePasskeyChallenge(_ challenge: PasskeyChallenge) async throws {
        try check(); try await base.savePasskeyChallenge(challenge)
    }
    public func consumePasskeyChallenge(hash: [UInt8], ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> Bool {
        try check(); return try await base.consumePasskeyChallenge(hash: hash, ceremony: ceremony, binding: binding, now: now)
    }
    public func addPasskey(_ passkey: PasskeyRecord, mail: QueuedMail) async throws {
        try check(); try await base.addPasskey(passkey, mail: mail)
    }
    public func passkeys(accountID: String) async throws -> [PasskeyRecord] {
        try check(); return try await base.passkeys(accountID: accountID)
    }
    public func passkey(credentialID: [UInt8]) async throws -> PasskeyRecord? {
        try check(); return try await base.passkey(credentialID: credentialID)
    }
    public func session(tokenHash: [UInt8], now: Date) async throws -> SessionRecord? {
        try check(); return try await base.session(tokenHash: tokenHash, now: now)
    }
    public func revokeSession(tokenHash: [UInt8]) async throws {
        try check(); try await base.revokeSession(tokenHash: tokenHash)
    }
    public func enqueue(_ mail: QueuedMail) async throws {
        try check(); try await base.enqueue(mail)
    }
    public func claimMail(now: Date, leaseUntil: Date, limit: Int) async throws -> [QueuedMail] {
        try check(); return try await base.claimMail(now: now, leaseUntil: leaseUntil, limit: limit)
    }
    public func finishMail(id: String, as disposition: MailDisposition, now: Date) async throws {
        try check(); try await base.finishMail(id: id, as: disposition, now: now)
    }
    public func purgeExpired(now: Date, finishedMailRetention: TimeInterval) async throws {
        try check(); try await base.purgeExpired(now: now, finishedMailRetention: finishedMailRetention)
    }
    public func checkHealth() async throws {
        try check(); try await base.checkHealth()
    }
    public func hashKey(storingIfAbsent candidate: [UInt8]) async throws -> [UInt8] {
        try check(); return try await base.hashKey(storingIfAbsent: candidate)
    }
    public func sealedValues(notStartingWith keyID: [UInt8]) async throws -> [SealedValue] {
        try check(); return try await base.sealedValues(notStartingWith: keyID)
    }
    public func reseal(_ value: SealedValue, as resealed: [UInt8]) async throws -> Bool {
        try check(); return try await base.reseal(value, as: resealed)
    }
    public func upgradeLegacyRows(_ upgrade: LegacyRowUpgrade) async throws {
        try check(); try await base.upgradeLegacyRows(upgrade)
    }
    public func importAccount(_ account: AccountRecord) async throws {
        try check(); try await base.importAccount(account)
    }
    public func sessionCount(accountID: String, now: Date) async throws -> Int {
        try check(); return try await base.sessionCount(accountID: accountID, now: now)
    }
    public func unlockAccount(id: String) async throws {
        try check(); try await base.unlockAccount(id: id)
    }
    public func revokeSessions(accountID: String) async throws -> Int {
        try check(); return try await base.revokeSessions(accountID: accountID)
    }
    public func deleteAccount(id: String, mail: QueuedMail) async throws {
        try check(); try await base.deleteAccount(id: id, mail: mail)
    }
    public func summary(now: Date, failureCeiling: Int) async throws -> StoreSummary {
        try check(); return try await base.summary(now: now, failureCeiling: failureCeiling)
    }
}
