import GRDB
import Synchronization

/// Read-only connections to the store's file for point lookups on the
/// caller's thread.
///
/// GRDB's `DatabasePool.unsafeRead` reaches a reader through a dispatch
/// barrier, a semaphore, a dispatch group and a key path built at run time,
/// and asks SQLite for the schema version before each read: together more
/// than a signed-in request's lookup itself. A lookup only needs a free
/// connection, so these are kept in a list under a lock and opened when none is
/// free: at most as many as threads that look up at once.
final class LookupConnections: Sendable {
    private let path: String
    private let configuration: Configuration
    private let free = Mutex<[DatabaseQueue]>([])

    /// Connections to the database at `path`, opened with `configuration` made read-only.
    init(path: String, configuration: Configuration) {
        var configuration = configuration
        configuration.readonly = true
        self.path = path
        self.configuration = configuration
    }

    /// Runs `body` on a free connection, outside any transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let connection = try free.withLock { $0.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
        defer { free.withLock { $0.append(connection) } }
        return try connection.unsafeRead(body)
    }
}
