import Foundation
import MFACore
import MFATestSupport
import Testing

/// The real server on PostgreSQL: it works end to end, keeps secrets out of the
/// database, and refuses to start, with one line, on a database it cannot use.
@Suite(.serialized, .needsPostgres) struct PostgresLiveTests {
    static let password = "correct horse battery staple"

    @Test func aServerOnPostgresSignsUpAndInAndTheDatabaseHoldsNoSecretInTheClear() async throws {
        try await TestPostgres.withDatabase { database in
            let server = try await LiveServer(environment: ["MFA_DATABASE_URL": database])
            let http = HTTP(baseURL: server.baseURL)
            let outbox = Outbox(directory: server.outbox)
            let email = "ada@example.com"

            #expect(try await http.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202)
            let createToken = try await outbox.token(linkingTo: "/users/create/mfa/")
            let created = try await http.post("/users/create/mfa/?one_time_url=\(createToken)", json: ["password_again": Self.password])
            #expect(created.status == 201)
            let uri = try #require((try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String)
            let authenticator = try #require(try OTPAuthURI(parsing: uri).totp)
            let recoveryCodes = try #require(try created.json["recovery_codes"] as? [String])

            #expect(try await http.post("/users/login/", json: ["email": email]).status == 202)
            let loginToken = try await outbox.token(linkingTo: "/users/login/mfa/")
            let login = try await http.post(
                "/users/login/mfa/?one_time_url=\(loginToken)", json: ["password": Self.password, "totp_code": authenticator.code(at: Date())]
            )
            #expect(login.status == 200)
            let session = try #require(try login.json["session_token"] as? String)
            #expect(try await http.get("/users/me", bearer: session).status == 200)

            // The operator's view works on PostgreSQL too.
            let show = try OperatorRun(["accounts", "show", email], on: server, environment: ["MFA_DATABASE_URL": database])
            #expect(show.status == 0, "\(show.errors)")
            #expect(show.reportLines.contains("sessions: 1"))

            // A dump of the database, as a thief would take it, holds no secret in the clear.
            let dump = try ExternalTool.onPath("pg_dump", installation: "apt-get install postgresql-client").run(["--data-only", database], input: "")
            let secret = try #require(URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value)
            for (name, value) in [
                ("password", Self.password), ("TOTP secret", secret), ("session token", session),
                ("creation link", createToken), ("login link", loginToken), ("recovery code", recoveryCodes[0])
            ] {
                #expect(!dump.contains(value), "the dump holds the \(name)")
            }
            #expect(try await server.terminate(within: .seconds(10)) == 0)
        }
    }

    @Test func aServerWhoseKeyFileDoesNotOpenTheDatabasesHashKeyRefusesToStartWithOneLine() async throws {
        try await TestPostgres.withDatabase { database in
            let first = try await LiveServer(environment: ["MFA_DATABASE_URL": database])
            #expect(try await HTTP(baseURL: first.baseURL).post("/users/login/", json: ["email": "ada@example.com"]).status == 202)

            // A second server with a key file of its own; with the first's key file it starts.
            let other = try TemporaryDirectory()
            let (refused, output) = try LiveServer.start(arguments: [], environment: [
                "MFA_DATABASE_URL": database, "MFA_DATA_DIR": other.path, "MFA_PORT": "0", "MFA_METRICS_ADDRESS": "off", "MFA_LOG_LEVEL": "error",
            ])
            let status = try await refused.waitForExit()
            #expect(status == 1)
            #expect(output.lines == [
                "mfa-server: the keys in \(other.path)/secret.key do not open the hash key that postgres://\(try hostPortDatabase(database)) holds; "
                    + "servers sharing a database must share one key file (copy the other servers' key file here)",
            ])
            let second = try await LiveServer(environment: [
                "MFA_DATABASE_URL": database, "MFA_SECRET_KEY_FILE": first.dataDirectory.path + "/secret.key",
            ])
            #expect(try await HTTP(baseURL: second.baseURL).post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
            #expect(try await second.terminate(within: .seconds(10)) == 0)
            #expect(try await first.terminate(within: .seconds(10)) == 0)
        }
    }

    @Test func aServerWhoseDatabaseCannotBeReachedRefusesToStartWithinTheDeadlineWithoutShowingThePassword() async throws {
        let directory = try TemporaryDirectory()
        let start = ContinuousClock.now
        let (process, output) = try LiveServer.start(arguments: [], environment: [
            "MFA_DATABASE_URL": "postgres://mfa:s3cret-pw@127.0.0.1:1/auth?sslmode=disable", "MFA_DATABASE_TIMEOUT_SECONDS": "2",
            "MFA_DATA_DIR": directory.path, "MFA_PORT": "0", "MFA_METRICS_ADDRESS": "off", "MFA_LOG_LEVEL": "error",
        ])
        let status = try await process.waitForExit()
        #expect(status == 1)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(output.lines.last?.hasPrefix("mfa-server: cannot use the database: PostgreSQL at 127.0.0.1:1/auth: ") == true, "\(output.text)")
        #expect(!output.text.contains("s3cret-pw"))
    }

    /// The deadline measured where a busy test run cannot slow the clock: by curl,
    /// against a server process, while its database refuses every connection.
    @Test func aRequestIsAnswered503WithinTheDatabaseDeadlineWhileTheDatabaseIsAwayAndServedAgainWhenItIsBack() async throws {
        try await TestPostgres.withDatabase { database in
            let server = try await LiveServer(environment: ["MFA_DATABASE_URL": database, "MFA_DATABASE_TIMEOUT_SECONDS": "1"])
            let curl = Curl(baseURL: server.baseURL)
            #expect(try await curl.post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
            let name = try #require(URLComponents(string: database)?.path.dropFirst())
            let administration = try TestPostgres.requireServer()
            _ = try await TestPostgres.psql(administration, """
                ALTER DATABASE \(name) ALLOW_CONNECTIONS false;
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)';
                """)
            for _ in 0..<3 {
                let answer = try await curl.post("/users/login/", json: ["email": "ada@example.com"])
                #expect(answer.status == 503)
                // One second of deadline, and room for a loaded machine; without it no answer comes at all.
                #expect(answer.seconds < 4, "\(answer.seconds) s")
            }
            _ = try await TestPostgres.psql(administration, "ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
            var status = 0
            for _ in 0..<40 where status != 202 {
                try await Task.sleep(for: .milliseconds(250))
                status = try await curl.post("/users/login/", json: ["email": "ada@example.com"]).status
            }
            #expect(status == 202)
            #expect(try await server.terminate(within: .seconds(10)) == 0)
        }
    }

    /// `host:port/database` of a database URL, as the server names it.
    private func hostPortDatabase(_ url: String) throws -> String {
        let components = try #require(URLComponents(string: url))
        return "\(components.host ?? ""):\(components.port ?? 5432)\(components.path)"
    }
}

/// SQLite refuses the same way: servers sharing a file share its key file.
@Suite struct SQLiteKeyCheckLiveTests {
    @Test func aServerWhoseKeyFileDoesNotOpenTheFilesHashKeyRefusesToStartWithOneLine() async throws {
        let first = try await LiveServer()
        #expect(try await HTTP(baseURL: first.baseURL).post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
        let other = try TemporaryDirectory()
        let file = first.dataDirectory.path + "/mfa.sqlite"
        let (refused, output) = try LiveServer.start(arguments: [], environment: [
            "MFA_DATABASE_URL": "sqlite://" + file, "MFA_DATA_DIR": other.path, "MFA_PORT": "0", "MFA_METRICS_ADDRESS": "off",
            "MFA_LOG_LEVEL": "error",
        ])
        let status = try await refused.waitForExit()
        #expect(status == 1)
        #expect(output.lines == [
            "mfa-server: the keys in \(other.path)/secret.key do not open the hash key that sqlite://\(file) holds; "
                + "servers sharing a database must share one key file (copy the other servers' key file here)",
        ])
        #expect(try await first.terminate(within: .seconds(10)) == 0)
    }
}
