import Foundation
import GRDB
import MFACore
@testable import MFASQLite
import Synchronization
import Testing

@Suite struct SQLiteFileTests {
    @Test func filesAreCreatedPrivate() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        let attributes = try FileManager.default.attributesOfItem(atPath: database.path)
        let directory = try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: database.path).deletingLastPathComponent().path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        let wal = try FileManager.default.attributesOfItem(atPath: database.path + "-wal")
        #expect((wal[.posixPermissions] as? Int) == 0o600)
        withExtendedLifetime(store) {}
    }

    @Test func pragmasAreSetForDurabilitySecureDeletionAndJournalsInMemory() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        _ = try database.open()
        let check = try DatabaseQueue(path: database.path)
        let journal = try check.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        // Connection settings are per connection: read them on the store's own.
        let store = try database.open()
        for (pragma, expected) in [("synchronous", 2), ("secure_delete", 1), ("foreign_keys", 1), ("temp_store", 2)] {
            let onWriter = try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA \(pragma)") }
            let onReader = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA \(pragma)") }
            let onLookup = try store.lookUp { db in try Int.fetchOne(db, sql: "PRAGMA \(pragma)") }
            #expect(onWriter == expected && onReader == expected && onLookup == expected, "PRAGMA \(pragma)")
        }
    }

    @Test func migrationsAreNamedAndRunOnce() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        _ = try database.open()
        _ = try database.open()
        let queue = try DatabaseQueue(path: database.path)
        let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == [
            "1 accounts, registrations, links, sessions, recovery codes, limits, outbox", "2 key ids and keyed hashes",
            "3 passkeys and their challenges",
        ])
    }

    /// Servers started together on one new file each open it and migrate: every
    /// one must open it, and each migration must run once (issue 17: two servers
    /// raced, and one failed with "table account already exists").
    @Test(arguments: 1...10)
    func storesOpenedTogetherOnANewFileAllOpenItAndMigrateOnce(round: Int) throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                _ = try database.open()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [], "round \(round)")
        let queue = try DatabaseQueue(path: database.path)
        let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == SQLiteSchema.migrator.migrations)
    }

    /// The retries for files being created by another process end: a file
    /// that is not a database fails to open, and is left as it was.
    @Test func aFileThatIsNotADatabaseFailsToOpenAndIsLeftAlone() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        try FileManager.default.createDirectory(at: database.directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        let text = Data(String(repeating: "not a database; ", count: 512).utf8)
        try text.write(to: URL(fileURLWithPath: database.path))
        #expect(throws: DatabaseError.self) { _ = try database.open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == text)
    }

    @Test func aBackupIsAConsistentCopy() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        let now = Date()
        try await store.enqueue(QueuedMail(id: "m1", sealedMessage: [1], notBefore: now, expiresAt: nil))
        let copy = database.directory.appendingPathComponent("backup.sqlite").path
        try await store.backUp(to: copy)
        let restored = try SQLiteStore(path: copy)
        #expect(try await restored.claimMail(now: now, leaseUntil: now + 60, limit: 10).map(\.id) == ["m1"])
    }

    @Test func finishedMailIsPurgedAfterItsRetentionAndPendingMailIsKept() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for id in ["sent", "pending"] {
            try await store.enqueue(QueuedMail(id: id, sealedMessage: [1], notBefore: now, expiresAt: nil))
        }
        _ = try await store.claimMail(now: now, leaseUntil: now + 60, limit: 10)
        try await store.finishMail(id: "sent", as: .sent, now: now)
        try await store.purgeExpired(now: now + 3_599, finishedMailRetention: 3_600)
        let ids = { try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM outbox ORDER BY id") } }
        #expect(try ids() == ["pending", "sent"])
        try await store.purgeExpired(now: now + 3_600, finishedMailRetention: 3_600)
        #expect(try ids() == ["pending"])
    }

    @Test func expiredRowsArePurgedThroughIndexes() throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        _ = try database.open()
        let queue = try DatabaseQueue(path: database.path)
        for (table, column) in [("link", "expires_at"), ("session", "expires_at"), ("pending_registration", "expires_at"), ("limit_window", "ends_at")] {
            let plan = try queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN DELETE FROM \(table) WHERE \(column) <= 0").map { $0["detail"] as String }.joined()
            }
            #expect(plan.contains("USING") && plan.contains("INDEX"), "\(table) purge scans: \(plan)")
        }
    }
}
