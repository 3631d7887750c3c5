import Foundation
import MFACore
import MFAPostgres
import MFATestSupport
import PostgresNIO
import Testing

/// Several stores (connection pools) on one database stand for several servers.
@Suite(.needsPostgres) struct PostgresServersTests {
    @Test func serversStartingTogetherOnANewDatabaseMigrateItOnce() async throws {
        try await TemporaryPostgresDatabase.with { database in
            let stores = try (0..<6).map { _ in try database.store() }
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in stores {
                    group.addTask {
                        try await withThrowingTaskGroup(of: Void.self) { pool in
                            pool.addTask { await store.run() }
                            defer { pool.cancelAll() }
                            return try await store.migrate()
                        }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            // One server applied every migration; the others waited for it and found nothing to do.
            #expect(applied.filter { !$0.isEmpty }.count == 1)
            let recorded = try await TemporaryPostgresDatabase.execute("SELECT count(*) FROM mfa_migration", on: database.url)
            #expect(try recorded.first?.decode(Int.self) == applied.flatMap { $0 }.count)
        }
    }
}
