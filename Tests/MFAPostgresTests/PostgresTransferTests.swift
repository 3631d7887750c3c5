import Foundation
import MFACore
import MFAPostgres
import MFASQLite
import MFATestSupport
import Testing

/// The rows `migrate-store` moves: everything a SQLite file holds arrives in
/// PostgreSQL as it was, and comes back the same.
@Suite(.needsPostgres) struct PostgresTransferTests {
    /// Whole seconds, which both stores keep exactly.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func everyRowGoesFromSQLiteToPostgresAndBackUnchanged() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mfa-transfer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = try SQLiteStore(path: directory.appendingPathComponent("from.sqlite").path)
        try await Self.seed(sqlite)
        let rows = try await sqlite.exportRows()
        #expect(rows.counts.tables.filter { $0.key != "legacy_rows" }.allSatisfy { $0.value > 0 }, "\(rows.counts)")

        try await TemporaryPostgresDatabase.withStore { postgres in
            try await postgres.importRows(rows)
            #expect(try await postgres.rowCounts() == rows.counts)
            let arrived = try await postgres.exportRows()
            #expect(Self.sorted(arrived) == Self.sorted(rows))
            // What arrived works: the account, its session and its next login.
            let account = try #require(rows.accounts.first)
            #expect(try await postgres.account(id: account.id) == account)
            _ = try await postgres.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 61_000_000, recordsLogin: true, now: Self.now))

            // A store that holds rows refuses, and keeps what it holds.
            await #expect(throws: StoreTransferError.targetNotEmpty(try await postgres.rowCounts())) { try await postgres.importRows(rows) }

            let back = try SQLiteStore(path: directory.appendingPathComponent("back.sqlite").path)
            try await back.importRows(arrived)
            #expect(Self.sorted(try await back.exportRows()) == Self.sorted(rows))
        }
    }

    /// Puts a row in every table through the protocol, as the workflows do.
    static func seed(_ store: any MFAStore) async throws {
        let account = AccountRecord(
            id: "account-1", email: "Ada@Example.com", emailKey: "ada@example.com", fullName: "Ada", passwordHash: "$argon2id$v=19$x",
            authenticator: SealedAuthenticator(sealedSecret: Array(repeating: 7, count: 48), algorithm: .sha256, digits: 8, period: 60),
            lastAcceptedTimeStep: 60_000_000, createdAt: now, lastLoginAt: now - 60, consecutiveFailures: 2, lockedUntil: now + 900
        )
        try await store.importAccount(account)
        _ = try await store.commit(AuthenticatedChange(
            accountID: account.id, replacesRecoveryCodes: [[1, 2, 3], [4, 5, 6]],
            newSession: SessionRecord(tokenHash: [9, 9], accountID: account.id, createdAt: now, expiresAt: now + 3_600), now: now + 1_000
        ))
        _ = try await store.recordFailure(FailedCompletion(
            link: nil, accountID: account.id, policy: LockPolicy(failuresPerLock: 10, firstLock: 900, maxLock: 3_600, ceiling: 100),
            firstLockNotice: nil, ceilingNotice: nil, now: now + 1_001
        ))
        let registration = PendingRegistration(
            email: "Bob@Example.com", emailKey: "bob@example.com", subject: "keyed-bob", fullName: nil, passwordHash: "$h", expiresAt: now + 600
        )
        let mail = (0..<3).map { QueuedMail(id: "mail-\($0)", sealedMessage: [UInt8(truncatingIfNeeded: $0), 1, 2], notBefore: now, expiresAt: now + 600) }
        try await store.savePendingRegistration(
            registration, link: LinkRecord(tokenHash: [1], purpose: .createAccount, subject: "keyed-bob", expiresAt: now + 600), mail: mail[0]
        )
        try await store.issueLink(LinkRecord(tokenHash: [2], purpose: .login, subject: account.id, expiresAt: now + 600, attempts: 1), mail: mail[1])
        try await store.enqueue(mail[2])
        _ = try await store.claimMail(now: now, leaseUntil: now + 60, limit: 1)
        try await store.finishMail(id: "mail-0", as: .sent, now: now + 5)
        _ = try await store.countEvents([LimitedEvent(key: "keyed-limit", limit: RateLimit(count: 5, window: 900))], now: now)
        _ = try await store.hashKey(storingIfAbsent: Array(repeating: 3, count: 60))
        try await store.addPasskey(PasskeyRecord(
            id: "passkey-1", accountID: account.id, credentialID: [5, 5, 5], publicKey: [4, 4], signCount: 7, backupEligible: true,
            transports: ["internal", "hybrid"], name: "Phone", createdAt: now, lastUsedAt: now + 30
        ), mail: QueuedMail(id: "mail-passkey", sealedMessage: [8], notBefore: now, expiresAt: nil))
        try await store.savePasskeyChallenge(PasskeyChallenge(challengeHash: [6, 6], ceremony: .secondFactor, binding: "link:x", expiresAt: now + 300))
    }

    /// The rows in one order, where the stores' orders may differ (the outbox keeps its queue order).
    static func sorted(_ rows: StoreRows) -> StoreRows {
        var sorted = rows
        sorted.accounts.sort { $0.id < $1.id }
        sorted.recoveryCodes.sort { $0.codeHash.lexicographicallyPrecedes($1.codeHash) }
        sorted.pendingRegistrations.sort { $0.emailKey < $1.emailKey }
        sorted.links.sort { $0.tokenHash.lexicographicallyPrecedes($1.tokenHash) }
        sorted.sessions.sort { $0.tokenHash.lexicographicallyPrecedes($1.tokenHash) }
        sorted.limitWindows.sort { $0.key < $1.key }
        sorted.dataKeys.sort { $0.name < $1.name }
        sorted.passkeys.sort { $0.id < $1.id }
        sorted.passkeyChallenges.sort { $0.challengeHash.lexicographicallyPrecedes($1.challengeHash) }
        return sorted
    }
}
