import Foundation

/// Where a PostgreSQL database is and how to reach it, read from
/// `postgres://user:password@host:port/database?sslmode=MODE`.
///
/// The password is kept for connecting only: ``description`` and every error
/// name the host, port and database, never the password.
public struct PostgresDatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, with libpq's `sslmode` names.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server offers it, certificate unchecked (libpq's default).
        case prefer
        /// Always encrypted, certificate unchecked.
        case require
        /// Always encrypted, certificate checked against the system's roots.
        case verifyCA = "verify-ca"
        /// Always encrypted, certificate and host name checked.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as.
    public var username: String
    /// The role's password, if any.
    public var password: String?
    /// The database.
    public var database: String
    /// The `sslmode`.
    public var tlsMode: TLSMode

    /// The port PostgreSQL listens on unless told otherwise.
    public static let defaultPort = 5432

    /// Reads a `postgres://` or `postgresql://` URL; user name and password may be
    /// percent-encoded; the database defaults to the user name, as with libpq.
    ///
    /// - Throws: ``PostgresURLError`` naming what is wrong, never the password.
    public init(_ text: String) throws(PostgresURLError) {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let components = URLComponents(string: text) else {
            throw PostgresURLError("must be postgres://user:password@host:port/database[?sslmode=disable|prefer|require|verify-ca|verify-full]")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError("postgres:// needs a host") }
        guard let username = components.user, !username.isEmpty else { throw PostgresURLError("postgres:// needs a user name") }
        var tlsMode = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw PostgresURLError("postgres:// knows only the parameter sslmode, not \(item.name)") }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw PostgresURLError("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tlsMode = mode
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw PostgresURLError("postgres:// names one database after the host, not a path") }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? Self.defaultPort
        self.username = username
        self.password = components.password
        self.database = path.removingPercentEncoding ?? path
        if database.isEmpty { database = username }
        self.tlsMode = tlsMode
    }

    /// Where the database is, for logs and errors: `host:port/database`, without user or password.
    public var description: String {
        "\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    /// The same server and credentials with another database.
    public func with(database: String) -> PostgresDatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }
}

/// Why a `postgres://` URL cannot be used. Never quotes the URL, which may hold a password.
public struct PostgresURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
