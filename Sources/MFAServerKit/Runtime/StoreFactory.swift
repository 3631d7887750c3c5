import Logging
import MFACore
import MFASQLite

/// Where the server keeps its state, read from `MFA_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    /// A SQLite file at this path.
    case sqlite(path: String)

    /// Reads `sqlite://PATH`: everything after the scheme is the path, so
    /// `sqlite:///var/lib/mfa.sqlite` is absolute and `sqlite://./mfa.sqlite` relative.
    ///
    /// - Throws: ``SettingError`` for another scheme or an empty path; `postgres://`
    ///   is recognised and refused as not supported yet.
    public init(url: String) throws(SettingError) {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw SettingError(.databaseURL, "PostgreSQL is not supported yet; use sqlite://PATH")
        }
        guard url.hasPrefix("sqlite://") else {
            throw SettingError(.databaseURL, "must be sqlite://PATH")
        }
        let path = String(url.dropFirst("sqlite://".count))
        guard !path.isEmpty else { throw SettingError(.databaseURL, "sqlite:// needs a file path") }
        self = .sqlite(path: path)
    }
}

/// Opens the store that `MFA_DATABASE_URL` names: the one place the server
/// knows a concrete store type. Everything else holds `any MFAStore`.
///
/// A new store (PostgreSQL, say) is a new ``DatabaseLocation`` case and a new
/// branch here.
public enum StoreFactory {
    /// Opens the store at `location` and logs what was opened.
    ///
    /// - Throws: The store's error when the database cannot be opened.
    public static func open(_ location: DatabaseLocation, logger: Logger) throws -> any MFAStore {
        switch location {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path)
            logger.info("Database opened", metadata: ["sqlite": .string(path)])
            return store
        }
    }
}
