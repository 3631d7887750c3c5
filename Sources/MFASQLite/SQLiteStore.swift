import Foundation
import GRDB
import Logging
import MFACore

/// MFACore's store on a SQLite file: the embedded default.
///
/// A GRDB `DatabasePool` in WAL mode: readers never wait for the writer, and
/// every operation that writes is atomic inside an `IMMEDIATE` transaction
/// (operations arriving together share one, each in its own savepoint: see
/// `GroupCommitWriter`), so two processes on the same file can never both
/// consume a token or both accept a TOTP step. `synchronous=FULL` makes every acknowledged write survive a power
/// loss as well as a crash; `secure_delete` overwrites deleted rows, so a
/// deleted account leaves no copy in free pages. The file is created with mode
/// 0600 in a directory of mode 0700, and migrations run at open.
public final class SQLiteStore: MFAStore {
    let pool: DatabasePool
    private let writer: GroupCommitWriter
    private let lookups: LookupConnections
    /// Where work that follows a committed change reports its failures: such work
    /// is best effort, since the change's answer must not turn into an error.
    let logger: Logger

    /// The path of the database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for another process's write.
    ///   - logger: receives failures of best-effort work after a commit.
    public init(path: String, busyTimeout: TimeInterval = 5, logger: Logger = Logger(label: "MFASQLite")) throws {
        self.path = path
        self.logger = logger
        try Self.prepareFile(at: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // temp_store = MEMORY keeps the savepoint journals of group commits
        // (a copy of each page an operation first changes) in memory: as files
        // they were written as often as the log itself, and held old page
        // images on disk.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY")
        }
        pool = try Self.openPool(at: path, configuration: configuration, busyTimeout: busyTimeout)
        writer = GroupCommitWriter(pool)
        lookups = LookupConnections(path: path, configuration: configuration)
    }

    /// Opens the pool and migrates the file.
    ///
    /// Processes opening one new, empty file at once race for its first pages:
    /// one can read the file while another is writing them (turning WAL on, the
    /// first migration), and SQLite answers "file is not a database"; or the
    /// switch to WAL finds another connection in the way and answers "database is
    /// locked" without waiting for the busy timeout. Both are retried: the first
    /// for half a second (a file that is really not a database then fails), the
    /// second for the busy timeout, as a write would wait.
    private static func openPool(at path: String, configuration: Configuration, busyTimeout: TimeInterval) throws -> DatabasePool {
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                // GRDB sets synchronous=NORMAL on the writer when it turns WAL on, after
                // prepareDatabase; the writer connection lives as long as the pool.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                try SQLiteSchema.migrate(pool)
                return pool
            } catch let error as DatabaseError where isTransientAtOpen(error, after: clock.now - start, busyTimeout: busyTimeout) {
                usleep(10_000)
            }
        }
    }

    private static func isTransientAtOpen(_ error: DatabaseError, after elapsed: Duration, busyTimeout: TimeInterval) -> Bool {
        switch error.resultCode {
        case .SQLITE_NOTADB: elapsed < .milliseconds(500)
        case .SQLITE_BUSY: elapsed < .seconds(busyTimeout)
        default: false
        }
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite
    /// does, since SQLite would use the process umask; its `-wal` and `-shm`
    /// files copy the database file's mode.
    private static func prepareFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let files = FileManager.default
        if !files.fileExists(atPath: directory) {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    /// Writes a consistent copy of the database to `destination` (`VACUUM INTO`),
    /// safe while the store is in use.
    public func backUp(to destination: String) async throws {
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
        }
    }

    /// Copies the WAL into the database file and truncates it to zero bytes,
    /// as far as readers allow.
    func truncateWAL() async throws {
        do {
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch let error as DatabaseError {
            throw MFAStoreError.unavailable(error.description)
        }
    }

    /// After a committed deletion: secure_delete zeroes the freed pages, but the
    /// WAL still holds their earlier images until it is checkpointed and
    /// truncated. The deletion is committed already, so a failure here is logged
    /// and must not undo its answer.
    func truncateWALAfterDeletion() async {
        do {
            try await truncateWAL()
        } catch {
            logger.warning("WAL checkpoint after an account deletion failed; it will happen at a later checkpoint", metadata: ["error": "\(error)"])
        }
    }

    /// Runs a read, reporting failures as ``MFAStoreError/unavailable(_:)``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw MFAStoreError.unavailable(error.description)
        }
    }

    /// Runs a lookup of a few rows by key on the calling thread, reporting
    /// failures as ``MFAStoreError/unavailable(_:)``.
    ///
    /// Such a read takes SQLite microseconds once its pages are cached, less
    /// than the two thread switches of ``read(_:)`` (to a reader's queue and
    /// back to the task), which made up most of a signed-in request's cost.
    /// It runs on the caller's thread, on a connection of its own
    /// (``LookupConnections``). `body` runs one statement, which SQLite runs on one snapshot, so
    /// it needs no transaction around it: the `BEGIN` and `COMMIT` of GRDB's
    /// `read` cost as much as the lookup. Not for reads that scan tables:
    /// those would hold a thread of Swift's cooperative pool.
    func lookUp<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try lookups.read(body)
        } catch let error as DatabaseError {
            throw MFAStoreError.unavailable(error.description)
        }
    }

    /// Runs `body` atomically in the next group commit; store errors thrown
    /// inside roll back its effects (and only its).
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError {
            throw MFAStoreError.unavailable(error.description)
        }
    }
}
