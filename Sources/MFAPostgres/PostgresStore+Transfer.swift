import Foundation
import MFACore
import PostgresNIO

// `mfa-server migrate-store`: every row in (and out, for the way back), as stored.
extension PostgresStore: MFAStoreTransfer {
    public func exportRows() async throws -> StoreRows {
        try await transaction(unbounded: true) { db in
            // One snapshot for every table, whatever other servers write meanwhile.
            try await db.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            var rows = StoreRows()
            rows.accounts = try await db.rows("SELECT * FROM account ORDER BY created_at, id").map(AccountRecord.init(row:))
            rows.recoveryCodes = try await db.rows("SELECT * FROM recovery_code").map { row in
                let columns = Columns(row)
                return StoreRows.RecoveryCode(accountID: try columns("account_id"), codeHash: try columns.bytes("code_hash"))
            }
            rows.pendingRegistrations = try await db.rows("SELECT * FROM pending_registration").map(PendingRegistration.init(row:))
            rows.links = try await db.rows("SELECT * FROM link").map(LinkRecord.init(row:))
            rows.sessions = try await db.rows("SELECT * FROM session").map(SessionRecord.init(row:))
            rows.limitWindows = try await db.rows("SELECT key, started_at, event_count, ends_at FROM limit_window").map { row in
                let (key, startedAt, eventCount, endsAt) = try row.decode((String, Date, Int, Date).self)
                return StoreRows.LimitWindow(key: key, startedAt: startedAt, eventCount: eventCount, endsAt: endsAt)
            }
            rows.outbox = try await db.rows("SELECT * FROM outbox ORDER BY queued").map { row in
                let columns = Columns(row)
                return StoreRows.OutboxMessage(
                    mail: try QueuedMail(row: row), leasedUntil: try columns("leased_until"),
                    finishedAt: try columns("finished_at"), disposition: try columns("disposition")
                )
            }
            rows.dataKeys = try await db.rows("SELECT * FROM data_key").map { row in
                let columns = Columns(row)
                return StoreRows.DataKey(name: try columns("name"), sealed: try columns.bytes("sealed"))
            }
            rows.passkeys = try await db.rows("SELECT * FROM passkey ORDER BY created_at, id").map(PasskeyRecord.init(row:))
            rows.passkeyChallenges = try await db.rows("SELECT * FROM passkey_challenge").map(PasskeyChallenge.init(row:))
            rows.legacyRowsPending = try await db.run("SELECT 1 FROM legacy_rows") > 0
            return rows
        }
    }

    public func importRows(_ rows: StoreRows) async throws {
        try await transaction(unbounded: true) { db in
            // Nobody writes while the rows go in: the check of emptiness holds until the commit.
            try await db.run("LOCK TABLE \(unescaped: Self.tables.joined(separator: ", ")) IN EXCLUSIVE MODE")
            let present = try await Self.rowCounts(db)
            guard present.total == 0 else { throw StoreTransferError.targetNotEmpty(present) }
            for account in rows.accounts { _ = try await db.insertAccount(account) }
            for code in rows.recoveryCodes { try await db.insertRecoveryCodes([code.codeHash], accountID: code.accountID) }
            for registration in rows.pendingRegistrations { try await db.replacePendingRegistration(with: registration) }
            for link in rows.links { try await db.insert(link) }
            for session in rows.sessions { try await db.insert(session) }
            for window in rows.limitWindows {
                try await db.run("""
                    INSERT INTO limit_window (key, started_at, event_count, ends_at)
                    VALUES (\(window.key), \(window.startedAt), \(window.eventCount), \(window.endsAt))
                    """)
            }
            for message in rows.outbox {
                try await db.insert(message.mail)
                try await db.run("""
                    UPDATE outbox SET leased_until = \(message.leasedUntil), finished_at = \(message.finishedAt), disposition = \(message.disposition)
                    WHERE id = \(message.mail.id)
                    """)
            }
            for key in rows.dataKeys {
                try await db.run("INSERT INTO data_key (name, sealed) VALUES (\(key.name), \(key.sealed.bytea))")
            }
            for passkey in rows.passkeys { _ = try await db.insert(passkey) }
            for challenge in rows.passkeyChallenges { try await db.run(try .save(challenge)) }
            if rows.legacyRowsPending { try await db.run("INSERT INTO legacy_rows (pending) VALUES (1)") }
        }
    }

    public func rowCounts() async throws -> StoreRowCounts {
        try await transaction { db in try await Self.rowCounts(db) }
    }

    private static func rowCounts(_ db: Transaction) async throws -> StoreRowCounts {
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try await db.rows("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self) ?? 0
        }
        return StoreRowCounts(counts)
    }

    /// The tables that hold the store's rows, by the names ``MFACore/StoreRows/counts`` uses.
    private static var tables: [String] { StoreRows().counts.tables.keys.sorted() }
}
