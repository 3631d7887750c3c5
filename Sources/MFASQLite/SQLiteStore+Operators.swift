import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func sessionCount(accountID: String, now: Date) async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM session WHERE account_id = ? AND expires_at > ?"), arguments: [accountID, now.storedValue]
            ) ?? 0
        }
    }

    public func unlockAccount(id: String) async throws {
        try await write { db in
            try db.run(sql: "UPDATE account SET consecutive_failures = 0, locked_until = NULL WHERE id = ?", arguments: [id])
            guard db.changesCount == 1 else { throw MFAStoreError.accountNotFound }
        }
    }

    public func revokeSessions(accountID: String) async throws -> Int {
        try await write { db in
            try db.run(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID])
            return db.changesCount
        }
    }

    public func deleteAccount(id: String, mail: QueuedMail) async throws {
        try await write { db in
            guard let account = try db.account(id: id) else { throw MFAStoreError.accountNotFound }
            try db.delete(account)
            try db.insert(mail)
        }
        await truncateWALAfterDeletion()
    }

    public func summary(now: Date, failureCeiling: Int) async throws -> StoreSummary {
        try await read { db in
            let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT (SELECT COUNT(*) FROM account) AS accounts,
                        (SELECT COUNT(*) FROM account WHERE locked_until > ? OR consecutive_failures >= ?) AS locked,
                        (SELECT COUNT(*) FROM pending_registration WHERE expires_at > ?) AS pending,
                        (SELECT COUNT(*) FROM outbox WHERE finished_at IS NULL) AS queued
                    """),
                arguments: [now.storedValue, failureCeiling, now.storedValue]
            )
            return StoreSummary(
                accounts: row?["accounts"] ?? 0, lockedAccounts: row?["locked"] ?? 0,
                pendingRegistrations: row?["pending"] ?? 0, queuedMail: row?["queued"] ?? 0
            )
        }
    }
}
