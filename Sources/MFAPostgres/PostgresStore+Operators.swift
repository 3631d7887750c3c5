import Foundation
import MFACore

extension PostgresStore {
    public func sessionCount(accountID: String, now: Date) async throws -> Int {
        try await count("SELECT count(*) FROM session WHERE account_id = \(accountID) AND expires_at > \(now)")
    }

    public func unlockAccount(id: String) async throws {
        let unlocked = try await rows("UPDATE account SET consecutive_failures = 0, locked_until = NULL WHERE id = \(id) RETURNING 1")
        guard unlocked.count == 1 else { throw MFAStoreError.accountNotFound }
    }

    public func revokeSessions(accountID: String) async throws -> Int {
        try await rows("DELETE FROM session WHERE account_id = \(accountID) RETURNING 1").count
    }

    public func deleteAccount(id: String, mail: QueuedMail) async throws {
        try await transaction { db in
            guard let account = try await db.lockedAccount(id: id) else { throw MFAStoreError.accountNotFound }
            try await db.delete(account)
            try await db.insert(mail)
        }
    }

    public func summary(now: Date, failureCeiling: Int) async throws -> StoreSummary {
        let counts = try await rows("""
            SELECT (SELECT count(*) FROM account),
                (SELECT count(*) FROM account WHERE locked_until > \(now) OR consecutive_failures >= \(failureCeiling)),
                (SELECT count(*) FROM pending_registration WHERE expires_at > \(now)),
                (SELECT count(*) FROM outbox WHERE finished_at IS NULL)
            """).first?.decode((Int, Int, Int, Int).self) ?? (0, 0, 0, 0)
        return StoreSummary(accounts: counts.0, lockedAccounts: counts.1, pendingRegistrations: counts.2, queuedMail: counts.3)
    }
}
