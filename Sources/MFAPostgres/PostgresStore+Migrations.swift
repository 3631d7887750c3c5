import Foundation
import MFACore
import PostgresNIO

extension PostgresStore {
    /// Applies the schema's migrations that the database lacks, in order, each
    /// in its own transaction, under a session advisory lock: a second server
    /// starting at the same time waits for the first's migrations, then finds
    /// nothing left to do.
    ///
    /// Call once ``run()`` runs.
    ///
    /// - Returns: the names of the migrations applied now.
    /// - Throws: ``MFACore/MFAStoreError/unavailable(_:)`` when the database
    ///   cannot be reached within ``deadline`` or a migration fails.
    @discardableResult
    public func migrate() async throws -> [String] {
        // Reachable at all, within the deadline; the lock below may wait for as long as another server migrates.
        try await checkHealth()
        do {
            return try await client.withConnection { connection in
                let session = Transaction(connection: connection, logger: logger)
                try await session.run("SET statement_timeout = 0")
                try await session.run("SELECT pg_advisory_lock(\(AdvisoryLock.migrations))")
                do {
                    let applied = try await Self.applyMissingMigrations(on: session)
                    try await session.run("SELECT pg_advisory_unlock(\(AdvisoryLock.migrations))")
                    try await session.run("RESET statement_timeout")
                    return applied
                } catch {
                    // The lock would otherwise stay with the pooled connection.
                    _ = try? await session.run("ROLLBACK")
                    _ = try? await session.run("SELECT pg_advisory_unlock(\(AdvisoryLock.migrations))")
                    throw error
                }
            }
        } catch let refusal as MFAStoreError {
            throw refusal
        } catch {
            throw MFAStoreError.unavailable("migrating: " + PostgresFailure.describe(error, at: location, deadline: deadline))
        }
    }

    private static func applyMissingMigrations(on session: Transaction) async throws -> [String] {
        try await session.run("CREATE TABLE IF NOT EXISTS mfa_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL)")
        let done = Set(try await session.rows("SELECT name FROM mfa_migration").map { try $0.decode(String.self) })
        var applied: [String] = []
        for migration in PostgresSchema.migrations where !done.contains(migration.name) {
            try await session.run("BEGIN")
            for statement in migration.statements { try await session.run(PostgresQuery(unsafeSQL: statement)) }
            try await session.run("INSERT INTO mfa_migration (name, applied_at) VALUES (\(migration.name), now())")
            try await session.run("COMMIT")
            applied.append(migration.name)
        }
        return applied
    }
}

extension PostgresStore {
    /// Runs the pool, migrates, runs `body` and stops the pool: for a command or
    /// a test that uses the store for a while, outside a `ServiceGroup`.
    public func whileRunning<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            defer { group.cancelAll() }
            try await migrate()
            return try await body()
        }
    }
}
