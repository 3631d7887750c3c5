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
