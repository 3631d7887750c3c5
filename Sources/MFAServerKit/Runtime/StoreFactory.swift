import Logging
import MFACore
import MFAPostgres
import MFASQLite
import ServiceLifecycle

/// Where the server keeps its state, read from `MFA_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL database, shared by any number of servers.
    case postgres(PostgresDatabaseURL)

    /// Reads `sqlite://PATH` (everything after the scheme is the path, so
    /// `sqlite:///var/lib/mfa.sqlite` is absolute and `sqlite://./mfa.sqlite`
    /// relative) or `postgres://user:password@host:port/database[?sslmode=MODE]`.
    ///
    /// - Throws: ``SettingError`` for another scheme, an empty path or a malformed
    ///   PostgreSQL URL; its problem never quotes the URL, which may hold a password.
    public init(url: String) throws(SettingError) {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            do {
                self = .postgres(try PostgresDatabaseURL(url))
            } catch {
                throw SettingError(.databaseURL, error.description)
            }
            return
        }
        guard url.hasPrefix("sqlite://") else {
            throw SettingError(.databaseURL, "must be sqlite://PATH or postgres://user:password@host:port/database")
        }
        let path = String(url.dropFirst("sqlite://".count))
        guard !path.isEmpty else { throw SettingError(.databaseURL, "sqlite:// needs a file path") }
        self = .sqlite(path: path)
    }

    /// Where the database is, for logs and errors: a path, or `host:port/database` without credentials.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let location): "postgres://\(location)"
        }
    }
}

/// A store as opened, and what must run while it is in use.
public struct OpenedStore: Sendable {
    /// The store.
    public let store: any MFAStore
    /// Work that must run while the store is used: PostgreSQL's connection
    /// pool, as a service of the server's `ServiceGroup`; nil for SQLite.
    let service: (any Service)?
    /// Readies the store once ``service`` runs: migrations, for PostgreSQL
    /// (SQLite migrates as it opens).
    let prepare: @Sendable () async throws -> Void

    /// Runs ``service``, prepares the store, runs `body` and stops the service:
    /// for a command that uses the store once.
    func whileRunning<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard let service else {
            try await prepare()
            return try await body()
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            defer { group.cancelAll() }
            try await prepare()
            return try await body()
        }
    }
}

/// Opens the store that `MFA_DATABASE_URL` names: the one place the server
/// knows a concrete store type. Everything else holds `any MFAStore`.
public enum StoreFactory {
    /// Opens the store at `location` and logs what was opened.
    ///
    /// - Parameter deadline: how long one operation may wait for the database
    ///   (SQLite: for another process's write; PostgreSQL: for a connection and its answer).
    /// - Throws: The store's error when the database cannot be opened.
    public static func open(_ location: DatabaseLocation, deadline: Duration, logger: Logger) throws -> OpenedStore {
        switch location {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path, busyTimeout: Double(deadline.components.seconds))
            logger.info("Database opened", metadata: ["sqlite": .string(path)])
            return OpenedStore(store: store, service: nil, prepare: {})
        case .postgres(let url):
            let store = PostgresStore(location: url, deadline: deadline, logger: logger)
            return OpenedStore(store: store, service: store, prepare: {
                let applied = try await store.migrate()
                logger.info("Database opened", metadata: ["postgres": .string(url.description), "migrations_applied": "\(applied.count)"])
            })
        }
    }
}
