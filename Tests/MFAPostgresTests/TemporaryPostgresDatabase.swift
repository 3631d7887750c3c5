import Foundation
import Logging
import MFAPostgres
import MFATestSupport
import Testing

/// A fresh database on the test server (``MFATestSupport/TestPostgres``), dropped by `drop()`.
struct TemporaryPostgresDatabase {
    let url: String

    init() throws {
        url = try TestPostgres.createDatabase()
    }

    var location: PostgresDatabaseURL {
        get throws { try PostgresDatabaseURL(url) }
    }

    /// A store on the database, not yet running. The deadline is long: the
    /// races must not fail for a machine that runs every test at once.
    func store(deadline: Duration = .seconds(60), maximumConnections: Int = 8) throws -> PostgresStore {
        PostgresStore(location: try location, deadline: deadline, maximumConnections: maximumConnections, logger: Logger(label: "test"))
    }

    func drop() { TestPostgres.drop(url) }

    /// Runs `body` with a migrated, running store on a fresh database, then drops the database.
    static func withStore(_ body: (PostgresStore) async throws -> Void) async throws {
        let database = try TemporaryPostgresDatabase()
        defer { database.drop() }
        let store = try database.store()
        try await store.whileRunning { try await body(store) }
    }
}
