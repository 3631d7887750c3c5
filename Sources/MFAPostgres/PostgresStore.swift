import Foundation
import Logging
import MFACore
import NIOSSL
import PostgresNIO
import ServiceLifecycle

/// MFACore's store on PostgreSQL: several servers on one database.
///
/// Every operation is one statement or one short transaction at PostgreSQL's
/// default isolation (read committed), never a read followed by a write that
/// another server could slip between: `UPDATE … WHERE … RETURNING`,
/// `INSERT … ON CONFLICT`, `FOR UPDATE SKIP LOCKED` for the outbox, and a row
/// lock on the account (`FOR UPDATE`) where the SQLite store relies on its
/// single writer. Transactions lock in one order (the account, then links,
/// then the rest), so that they cannot deadlock.
///
/// The store is a `Service`: its connection pool works while ``run()`` runs
/// (in the server's `ServiceGroup`); call ``migrate()`` once it runs. Every
/// operation answers within `deadline`, with ``MFACore/MFAStoreError/unavailable(_:)``
/// when the database cannot be reached.
public final class PostgresStore: MFAStore, Service {
    let client: PostgresClient
    /// Where the database is; its description names no password.
    public let location: PostgresDatabaseURL
    /// How long one operation may take, waiting for a connection included.
    public let deadline: Duration
    let logger: Logger

    /// Creates the store's connection pool; nothing connects before ``run()``.
    ///
    /// - Parameters:
    ///   - location: the database.
    ///   - deadline: how long an operation may take before it fails as unavailable;
    ///     also each statement's `statement_timeout` on the server.
    ///   - maximumConnections: the pool's size.
    ///   - logger: where the pool logs.
    public init(location: PostgresDatabaseURL, deadline: Duration = .seconds(5), maximumConnections: Int = 20, logger: Logger = Logger(label: "MFAPostgres")) {
        self.location = location
        self.deadline = deadline
        // postgres-nio's trace lines describe every message it exchanges with the
        // server, rows and queries included: never below debug, so that no stored
        // value (a hash, a sealed box) can reach a log.
        var logger = logger
        logger.logLevel = max(logger.logLevel, .debug)
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: Self.tls(location.tlsMode)
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = deadline
        let milliseconds = deadline.components.seconds * 1_000 + deadline.components.attoseconds / 1_000_000_000_000_000
        configuration.options.additionalStartupParameters = [("statement_timeout", "\(milliseconds)")]
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    private static func tls(_ mode: PostgresDatabaseURL.TLSMode) -> PostgresClient.Configuration.TLS {
        var unchecked = TLSConfiguration.makeClientConfiguration()
        unchecked.certificateVerification = .none
        var withoutHostName = TLSConfiguration.makeClientConfiguration()
        withoutHostName.certificateVerification = .noHostnameVerification
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(unchecked)
        case .require: return .require(unchecked)
        case .verifyCA: return .require(withoutHostName)
        case .verifyFull: return .require(.makeClientConfiguration())
        }
    }

    /// Runs the connection pool until cancelled or, in a `ServiceGroup`, until shutdown.
    public func run() async {
        await client.run()
    }

    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withinDeadline(deadline) { [client, logger] in
            try await client.query(query, logger: logger).collect()
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back
    /// when it throws (its error is rethrown as is) or when the deadline passed.
    ///
    /// - Parameter unbounded: whether the transaction may take as long as it
    ///   needs (copying a whole database); the database must have answered
    ///   within the deadline first.
    func transaction<T: Sendable>(unbounded: Bool = false, _ body: @escaping @Sendable (Transaction) async throws -> T) async throws -> T {
        if unbounded { try await checkHealth() }
        return try await withinDeadline(unbounded ? nil : deadline) { [client, logger] in
            try await client.withConnection { connection in
                let transaction = Transaction(connection: connection, logger: logger)
                try await transaction.run("BEGIN")
                do {
                    if unbounded { try await transaction.run("SET LOCAL statement_timeout = 0") }
                    let value = try await body(transaction)
                    // An operation whose caller was answered "unavailable" changes nothing.
                    try Task.checkCancellation()
                    try await transaction.run("COMMIT")
                    return value
                } catch {
                    _ = try? await transaction.run("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs `operation` within `limit` (none: as long as it takes), reporting every
    /// failure but the store's own refusals as ``MFACore/MFAStoreError/unavailable(_:)``.
    private func withinDeadline<T: Sendable>(_ limit: Duration?, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            guard let limit else { return try await operation() }
            return try await withDeadline(limit, operation)
        } catch let answer as any OperationAnswer {
            throw answer
        } catch {
            throw MFAStoreError.unavailable(PostgresFailure.describe(error, at: location, deadline: deadline))
        }
    }
}

/// An error that is an operation's answer (a refusal that changed nothing),
/// not a failure of the database.
protocol OperationAnswer: Error {}

extension MFAStoreError: OperationAnswer {}
extension StoreTransferError: OperationAnswer {}

/// The statements of one transaction, on its connection.
struct Transaction: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs one statement and returns how many rows it returned (with `RETURNING`, how many it changed).
    @discardableResult
    func run(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }
}
