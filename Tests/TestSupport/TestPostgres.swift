import Foundation
import Testing

/// The PostgreSQL server the tests use, named by `MFA_TEST_POSTGRES_URL`
/// (`postgres://postgres@127.0.0.1:PORT/postgres`, a role that may create
/// databases); `scripts/with-postgres` starts a throwaway one, as `scripts/test` does.
///
/// When it is not set or not reachable, the tests that need it are skipped,
/// with the reason printed, outside CI, and fail with that reason when the
/// environment variable `CI` is set: CI must never pass by skipping them.
public enum TestPostgres {
    /// The environment variable that names the server.
    public static let variable = "MFA_TEST_POSTGRES_URL"

    /// The server's URL once it answered, or why there is none.
    public static let server: Result<String, ExternalTool.Failure> = {
        let found = reach()
        if case .failure(let failure) = found, ProcessInfo.processInfo.environment["CI"] == nil {
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(failure.description)\n".utf8))
        }
        return found
    }()

    /// Whether the tests that need PostgreSQL run: the server answered, or CI
    /// requires them (they then fail with ``server``'s reason).
    public static var runsTests: Bool {
        if case .success = server { return true }
        return ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The server's URL; throws the reason it is unavailable.
    public static func requireServer() throws -> String {
        do {
            return try server.get()
        } catch {
            throw ExternalTool.Failure(description: "PostgreSQL is required when CI is set: \(error.description)", status: nil)
        }
    }

    /// Runs `body` with the URL of a new, empty database with a random name, then drops the database.
    public static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        let database = try await createDatabase()
        do {
            let result = try await body(database)
            await drop(database)
            return result
        } catch {
            await drop(database)
            throw error
        }
    }

    /// Creates an empty database with a random name and returns its URL; ``drop(_:)`` removes it.
    public static func createDatabase() async throws -> String {
        let server = try requireServer()
        let name = "mfa_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try await psql(server, "CREATE DATABASE \(name)")
        return url(server, database: name)
    }

    /// Drops a database made by ``createDatabase()``, closing its connections.
    public static func drop(_ databaseURL: String) async {
        guard let server = try? requireServer(), let name = URLComponents(string: databaseURL)?.path.dropFirst(), !name.isEmpty else { return }
        _ = try? await psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs SQL (no secrets: it is an argument) with `psql` against `databaseURL` and
    /// returns its unaligned output, without holding a thread while it runs.
    public static func psql(_ databaseURL: String, _ sql: String) async throws -> String {
        let files = FileManager.default.temporaryDirectory.appending(path: "mfa-psql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        let (output, errors) = (files.appending(path: "output"), files.appending(path: "errors"))
        let status = try await SpawnedProcess.run(
            try psqlTool().executable, psqlArguments(databaseURL, sql), outputPath: output.path, errorPath: errors.path
        )
        guard status == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw ExternalTool.Failure(description: "psql exited with \(status): \(message)", status: status)
        }
        return try String(contentsOf: output, encoding: .utf8)
    }

    private static func psqlTool() throws -> ExternalTool {
        try ExternalTool.onPath("psql", installation: "apt-get install postgresql-client")
    }

    private static func psqlArguments(_ databaseURL: String, _ sql: String) -> [String] {
        // A server that drops packets would otherwise keep psql waiting for minutes.
        var target = URLComponents(string: databaseURL)
        let items = target?.queryItems ?? []
        target?.queryItems = items + [URLQueryItem(name: "connect_timeout", value: "5")]
        return ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", target?.string ?? databaseURL, "-c", sql]
    }

    /// `server` with its database replaced by `database`.
    public static func url(_ server: String, database: String) -> String {
        guard var components = URLComponents(string: server) else { return server }
        components.path = "/" + database
        return components.string ?? server
    }

    private static func reach() -> Result<String, ExternalTool.Failure> {
        guard let server = ProcessInfo.processInfo.environment[variable], !server.isEmpty else {
            return .failure(ExternalTool.Failure(
                description: "\(variable) is not set; run the tests through scripts/test or scripts/with-postgres, which start a throwaway PostgreSQL",
                status: nil
            ))
        }
        do {
            // Once per test run, before any test needs it: a blocking run is fine here.
            _ = try psqlTool().run(psqlArguments(server, "SELECT 1"), input: "")
            return .success(server)
        } catch {
            let host = URLComponents(string: server).map { "\($0.host ?? "?"):\($0.port ?? 5432)" } ?? "?"
            return .failure(ExternalTool.Failure(description: "PostgreSQL at \(host) (\(variable)) does not answer: \(error)", status: nil))
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when the test PostgreSQL answers, or in CI (where it then
    /// fails saying why); skips it otherwise, printing the reason once.
    public static var needsPostgres: Self {
        .enabled(if: TestPostgres.runsTests, "needs PostgreSQL: set MFA_TEST_POSTGRES_URL, or run through scripts/with-postgres")
    }
}
