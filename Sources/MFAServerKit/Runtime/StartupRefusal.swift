import MFACore
import ServiceLifecycle

/// Why the server (or an operator command) cannot start on its store, as the
/// one line it prints before it exits with status 1.
public struct StartupRefusal: Error, Sendable, CustomStringConvertible {
    /// The line, naming the database by host, port and database or path, never a password.
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// The refusal for an error from opening or preparing the store at `location`.
    init(opening location: DatabaseLocation, _ error: any Error) {
        switch error {
        case let refusal as StartupRefusal:
            self = refusal
        case MFAStoreError.unavailable(let reason):
            // PostgreSQL's reasons name the database themselves; SQLite's do not.
            if case .postgres = location {
                self.init("cannot use the database: \(reason)")
            } else {
                self.init("cannot use the database \(location): \(reason)")
            }
        default:
            self.init("cannot open the database \(location): \(error)")
        }
    }

    /// The refusal of a server whose key file does not open what the database holds.
    static func keyMismatch(keyFile: String, location: DatabaseLocation) -> StartupRefusal {
        StartupRefusal(
            "the keys in \(keyFile) do not open the hash key that \(location) holds; "
                + "servers sharing a database must share one key file (copy the other servers' key file here)"
        )
    }
}

/// Runs `service` once `prepare` succeeded: the server listens only on a
/// store that is migrated and opens with its keys.
struct PreparedService<Wrapped: Service>: Service {
    let prepare: @Sendable () async throws -> Void
    let service: Wrapped

    func run() async throws {
        try await prepare()
        try await service.run()
    }
}
