import Foundation
import Logging
import MFACore
import MFAPostgres
import MFATestSupport
import Testing

/// An unreachable database answers "unavailable" within the deadline, never a
/// hang, and its errors name host, port and database but never the password.
@Suite(.timeLimit(.minutes(3))) struct PostgresAvailabilityTests {
    static let password = "hunter2-never-shown"
    /// How long an answer may take here: without a deadline it never comes; with
    /// one it comes in about a second, unless the test run keeps this process's
    /// few threads busy (it did for 25 s). The deadline itself is measured from
    /// outside, by curl against a server (`PostgresLiveTests`).
    static let bound = Duration.seconds(60)

    /// A store on 127.0.0.1:`port` with a one-second deadline.
    static func store(port: Int) throws -> PostgresStore {
        let location = try PostgresDatabaseURL("postgres://mfa:\(password)@127.0.0.1:\(port)/mfa?sslmode=disable")
        return PostgresStore(location: location, deadline: .seconds(1), logger: Logger(label: "test"))
    }

    /// Runs `operation` on a fresh running store (a pool runs once) and returns its error and how long it took.
    static func failure(onPort port: Int, _ operation: @Sendable @escaping (PostgresStore) async throws -> Void) async throws -> (MFAStoreError?, Duration) {
        let store = try store(port: port)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            let start = ContinuousClock.now
            do {
                try await operation(store)
                return (nil, ContinuousClock.now - start)
            } catch let error as MFAStoreError {
                return (error, ContinuousClock.now - start)
            }
        }
    }

    static func expectUnavailableWithinTheDeadline(_ result: (MFAStoreError?, Duration), port: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let (error, elapsed) = result
        guard case .unavailable(let reason) = error else {
            Issue.record("expected unavailable, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(elapsed < bound, "took \(elapsed)", sourceLocation: sourceLocation)
        #expect(reason.contains("127.0.0.1:\(port)/mfa"), "\(reason)", sourceLocation: sourceLocation)
        #expect(!reason.contains(password), sourceLocation: sourceLocation)
    }

    @Test func aPortWhereNothingListensAnswersUnavailableWithinTheDeadline() async throws {
        let port = try LocalPorts.free()
        Self.expectUnavailableWithinTheDeadline(try await Self.failure(onPort: port) { _ = try await $0.account(id: "a") }, port: port)
        Self.expectUnavailableWithinTheDeadline(try await Self.failure(onPort: port) {
            _ = try await $0.commit(AuthenticatedChange(accountID: "a", acceptedTimeStep: 1, now: Date()))
        }, port: port)
    }

    @Test func aServerThatAcceptsButNeverAnswersAnswersUnavailableWithinTheDeadline() async throws {
        let (socket, port) = try LocalPorts.silent()
        defer { close(socket) }
        Self.expectUnavailableWithinTheDeadline(try await Self.failure(onPort: port) { try await $0.checkHealth() }, port: port)
        Self.expectUnavailableWithinTheDeadline(try await Self.failure(onPort: port) { try await $0.migrate() }, port: port)
    }

    /// A database that stops taking connections (as a stopped server would), then takes them again.
    @Test(.needsPostgres) func aDatabaseThatGoesAwayAnswersUnavailableAndTheStoreRecoversWhenItIsBack() async throws {
        let server = try TestPostgres.requireServer()
        try await TemporaryPostgresDatabase.with { database in
            let name = try database.location.database
            // Long enough for a busy test run to get its queries through before the database goes away.
            let store = try database.store(deadline: .seconds(15))
            try await store.whileRunning {
                #expect(try await store.account(id: "a") == nil)
                try await TemporaryPostgresDatabase.execute(
                    "ALTER DATABASE \(name) ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'", on: server
                )
                let start = ContinuousClock.now
                await #expect(throws: MFAStoreError.self) { try await store.account(id: "a") }
                #expect(ContinuousClock.now - start < Self.bound)
                try await TemporaryPostgresDatabase.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS true", on: server)
                // The pool connects again with its back-off; each try answers within the deadline.
                var recovered = false
                for _ in 0..<60 where !recovered {
                    recovered = (try? await store.checkHealth()) != nil
                    if !recovered { try await Task.sleep(for: .milliseconds(500)) }
                }
                #expect(recovered)
            }
        }
    }
}
