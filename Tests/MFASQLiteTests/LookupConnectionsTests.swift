import GRDB
import MFACore
@testable import MFASQLite
import Testing

/// Lookups run on read-only connections of their own, beside GRDB's pool: they
/// must see every committed write at once, from any number of tasks, and must
/// never write around the group commit.
@Suite struct LookupConnectionsTests {
    @Test func lookupsFromManyTasksSeeEachCommittedWriteAtOnce() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        try await store.write { db in try db.execute(sql: "CREATE TABLE probe (n INTEGER NOT NULL)") }
        for round in 1...20 {
            try await store.write { db in try db.execute(sql: "INSERT INTO probe (n) VALUES (?)", arguments: [round]) }
            // Sixteen lookups at once take several connections, each must see the commit.
            let seen = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<16 {
                    group.addTask { try store.lookUp { db in try Int.fetchOne(db, sql: "SELECT max(n) FROM probe") } }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(seen == Array(repeating: round, count: 16), "round \(round)")
        }
    }

    @Test func aLookupCannotWrite() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        try await store.write { db in try db.execute(sql: "CREATE TABLE probe (n INTEGER NOT NULL)") }
        #expect(throws: MFAStoreError.self) {
            try store.lookUp { db in try db.execute(sql: "INSERT INTO probe (n) VALUES (1)") }
        }
        let count = try store.lookUp { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM probe") }
        #expect(count == 0)
    }
}
