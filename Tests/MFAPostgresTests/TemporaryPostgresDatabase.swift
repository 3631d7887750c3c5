import Foundation
import Logging
import MFAPostgres
import MFATestSupport
import PostgresNIO
import Testing

/// A fresh database on the test server (``MFATestSupport/TestPostgres``), dropped by `drop()`.
///
/// Made and dropped over postgres-nio rather than `psql`: every conformance check
/// makes one, and a process waited for would hold one of the few threads that
/// run every test.
struct TemporaryPostgresDatabase {
    let url: String

    /// Creates an empty database with a random name.
    static func create() async throws -> TemporaryPostgresDatabase {
        let server = try TestPostgres.requireServer()
        let name = "mfa_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await execute("CREATE DATABASE \(name)", on: server)
        return TemporaryPostgresDatabase(url: TestPostgres.url(server, database: name))
    }

    var location: PostgresDatabaseURL {
        get throws { try PostgresDatabaseURL(url) }
    }

    /// A store on the database, not yet running. The deadline is long: the
    /// races must not fail for a machine that runs every test at once.
    func store(deadline: Duration = .seconds(60), maximumConnections: Int = 8, logger: Logger = Logger(label: "test")) throws -> PostgresStore {
        PostgresStore(location: try location, deadline: deadline, maximumConnections: maximumConnections, logger: logger)
    }

    /// Drops the database, closing its connections.
    func drop() async {
        guard let server = try? TestPostgres.requireServer(), let name = try? location.database else { return }
        _ = try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
    }

    /// Runs `body` with a fresh database, then drops the database.
    static func with<T>(_ body: (TemporaryPostgresDatabase) async throws -> T) async throws -> T {
        let database = try await create()
        do {
            let result = try await body(database)
            await database.drop()
            return result
        } catch {
            await database.drop()
            throw error
        }
    }

    /// Runs `body` with a migrated, running store on a fresh database, then drops the database.
    static func withStore(_ body: (PostgresStore) async throws -> Void) async throws {
        try await with { database in
            let store = try database.store()
            try await store.whileRunning { try await body(store) }
        }
    }

    /// Runs `body` with two running stores on one fresh database — two servers' pools — then drops it.
    static func withTwoStores(_ body: ([PostgresStore]) async throws -> Void) async throws {
        try await with { database in
            let (first, second) = (try database.store(), try database.store())
            try await first.whileRunning {
                try await second.whileRunning { try await body([first, second]) }
            }
        }
    }

    /// Runs SQL statements, one after another, on the database at `url`, and returns the last one's rows.
    @discardableResult
    static func execute(_ statements: String..., on url: String) async throws -> [PostgresRow] {
        let location = try PostgresDatabaseURL(url)
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: .disable
            ),
            id: 1, logger: Logger(label: "test")
        )
        var rows: [PostgresRow] = []
        do {
            for statement in statements { rows = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "test")).collect() }
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        return rows
    }
}
