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

    /// Creates an empty database with a random name and returns its URL; ``drop(_:)`` removes it.
    public static func createDatabase() throws -> String {
        let server = try requireServer()
        let name = "mfa_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try psql(server, "CREATE DATABASE \(name)")
        return url(server, database: name)
    }

    /// Drops a database made by ``createDatabase()``, closing its connections.
    public static func drop(_ databaseURL: String) {
        guard let server = try? requireServer(), let name = URLComponents(string: databaseURL)?.path.dropFirst(), !name.isEmpty else { return }
        _ = try? psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs SQL with `psql` against `databaseURL` and returns its unaligned output.
    public static func psql(_ databaseURL: String, _ sql: String) throws -> String {
        let tool = try ExternalTool.onPath("psql", installation: "apt-get install postgresql-client")
        // A server that drops packets would otherwise keep psql waiting for minutes.
        var target = URLComponents(string: databaseURL)
        let items = target?.queryItems ?? []
        target?.queryItems = items + [URLQueryItem(name: "connect_timeout", value: "5")]
        return try tool.run(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", target?.string ?? databaseURL, "-f", "-"], input: sql)
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
            _ = try psql(server, "SELECT 1")
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
