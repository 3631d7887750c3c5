import Foundation
import GRDB
import MFACore

// `mfa-server migrate-store`: every row out (and in, for the way back), as stored.
extension SQLiteStore: MFAStoreTransfer {
    public func exportRows() async throws -> StoreRows {
        // One read transaction: a snapshot, whatever other processes write meanwhile.
        try await read { db in
            var rows = StoreRows()
            rows.accounts = try db.all(sql: "SELECT \(AccountRecord.selectedColumns) FROM account ORDER BY rowid", columns: AccountRecord.init(columns:))
            rows.recoveryCodes = try Row.fetchAll(db, sql: "SELECT * FROM recovery_code").map {
                StoreRows.RecoveryCode(accountID: $0["account_id"], codeHash: $0.bytes("code_hash"))
            }
            rows.pendingRegistrations = try Row.fetchAll(db, sql: "SELECT * FROM pending_registration").map(PendingRegistration.init(row:))
            rows.links = try Row.fetchAll(db, sql: "SELECT * FROM link").map(LinkRecord.init(row:))
            rows.sessions = try Row.fetchAll(db, sql: "SELECT * FROM session").map(SessionRecord.init(row:))
            rows.limitWindows = try Row.fetchAll(db, sql: "SELECT * FROM limit_window").map {
                StoreRows.LimitWindow(key: $0["key"], startedAt: $0.date("started_at"), eventCount: $0["event_count"], endsAt: $0.date("ends_at"))
            }
            rows.outbox = try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY rowid").map {
                StoreRows.OutboxMessage(
                    mail: QueuedMail(row: $0), leasedUntil: $0.optionalDate("leased_until"),
                    finishedAt: $0.optionalDate("finished_at"), disposition: $0["disposition"]
                )
            }
            rows.dataKeys = try Row.fetchAll(db, sql: "SELECT * FROM data_key").map { StoreRows.DataKey(name: $0["name"], sealed: $0.bytes("sealed")) }
            rows.passkeys = try Row.fetchAll(db, sql: "SELECT * FROM passkey ORDER BY created_at, id").map(PasskeyRecord.init(row:))
            rows.passkeyChallenges = try Row.fetchAll(db, sql: "SELECT * FROM passkey_challenge").map(PasskeyChallenge.init(row:))
            rows.legacyRowsPending = try Bool.fetchOne(db, sql: "SELECT 1 FROM legacy_rows") != nil
            return rows
        }
    }

    public func importRows(_ rows: StoreRows) async throws {
        try await write { db in
            let present = try Self.rowCounts(db)
            guard present.total == 0 else { throw StoreTransferError.targetNotEmpty(present) }
            for account in rows.accounts { try db.insertAccount(account) }
            for code in rows.recoveryCodes { try db.insertRecoveryCodes([code.codeHash], accountID: code.accountID) }
            for registration in rows.pendingRegistrations { try db.replacePendingRegistration(with: registration) }
            for link in rows.links { try db.insert(link) }
            for session in rows.sessions { try db.insert(session) }
            for window in rows.limitWindows {
                try db.run(
                    sql: "INSERT INTO limit_window (key, started_at, event_count, ends_at) VALUES (?, ?, ?, ?)",
                    arguments: [window.key, window.startedAt.storedValue, window.eventCount, window.endsAt.storedValue]
                )
            }
            for message in rows.outbox {
                try db.insert(message.mail)
                try db.run(
                    sql: "UPDATE outbox SET leased_until = ?, finished_at = ?, disposition = ? WHERE id = ?",
                    arguments: [message.leasedUntil?.storedValue, message.finishedAt?.storedValue, message.disposition, message.mail.id]
                )
            }
            for key in rows.dataKeys {
                try db.run(sql: "INSERT INTO data_key (name, sealed) VALUES (?, ?)", arguments: [key.name, Data(key.sealed)])
            }
            for passkey in rows.passkeys { try db.insert(passkey) }
            for challenge in rows.passkeyChallenges { try db.save(challenge) }
            if rows.legacyRowsPending { try db.run(sql: "INSERT INTO legacy_rows (pending) VALUES (1)") }
        }
    }

    public func rowCounts() async throws -> StoreRowCounts {
        try await read { db in try Self.rowCounts(db) }
    }

    private static func rowCounts(_ db: Database) throws -> StoreRowCounts {
        var counts: [String: Int] = [:]
        for table in StoreRows().counts.tables.keys {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
        return StoreRowCounts(counts)
    }
}
