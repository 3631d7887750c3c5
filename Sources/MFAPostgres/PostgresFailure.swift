import PostgresNIO

/// Words for a failure to reach or use the database, for logs: where the
/// database is (host, port, database, never the password) and what failed,
/// never a statement's values.
enum PostgresFailure {
    static func describe(_ error: any Error, at location: PostgresDatabaseURL, deadline: Duration) -> String {
        "PostgreSQL at \(location): " + reason(error, deadline: deadline)
    }

    private static func reason(_ error: any Error, deadline: Duration) -> String {
        switch error {
        case is DeadlinePassed:
            return "no answer within \(deadline) (the log names the connection errors)"
        case is CancellationError:
            return "cancelled"
        case let error as PSQLError:
            if let info = error.serverInfo {
                // The server's primary message names no bound value; its detail may, so it is left out.
                return "\(info[.sqlState] ?? "?") \(info[.message] ?? "")"
            }
            return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        case is PostgresDecodingError:
            return "a column holds a value of an unexpected type"
        default:
            return "\(type(of: error))"
        }
    }
}
