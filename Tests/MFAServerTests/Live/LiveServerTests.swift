import Foundation
import MFACore
import Testing
import MFATestSupport

/// The real `mfa-server` binary over real HTTP. Serialized: each test starts a
/// server process, and the machine has few cores.
@Suite(.serialized) struct LiveServerTests {
    static let password = "correct horse battery staple"

    @Test func createLoginAndDeleteOverHTTPWithLinksFromTheFileOutbox() async throws {
        let server = try await LiveServer()
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        let email = "ada@example.com"

        #expect(try await http.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202)
        let created = try await http.post(
            "/users/create/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/create/mfa/"))", json: ["password_again": Self.password]
        )
        #expect(created.status == 201)
        let uri = try #require((try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String)
        let authenticator = try #require(try OTPAuthURI(parsing: uri).totp)
        let recoveryCodes = try #require(try created.json["recovery_codes"] as? [String])

        #expect(try await http.post("/users/login/", json: ["email": email]).status == 202)
        let login = try await http.post(
            "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))",
            json: ["password": Self.password, "totp_code": authenticator.code(at: Date())]
        )
        #expect(login.status == 200)
        let session = try #require(try login.json["session_token"] as? String)
        #expect(try await http.get("/users/me", bearer: session).json["email"] as? String == email)

        #expect(try await http.post("/users/delete/", json: ["email": email, "password": Self.password]).status == 202)
        let deleted = try await http.post(
            "/users/delete/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/delete/mfa/"))", json: ["recovery_code": recoveryCodes[0]]
        )
        #expect(deleted.status == 200)
        #expect(try deleted.json["detail"] as? String == "Account deleted.")
        #expect(try await http.get("/users/me", bearer: session).status == 401)

        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func theSecretKeyIsCreatedWithMode0600() async throws {
        let server = try await LiveServer()
        let attributes = try FileManager.default.attributesOfItem(atPath: server.dataDirectory.path + "/secret.key")
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(attributes[.size] as? Int == 32)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func sigtermDrainsARequestInFlightAndExitsZeroWithinTenSeconds() async throws {
        // A costly hash keeps the request busy while the signal arrives: three passes take
        // seconds in a debug build, well past the 300 ms below, yet leave the drain inside
        // its ten seconds on a loaded machine (six passes took about ten there).
        let server = try await LiveServer(environment: ["MFA_PASSWORD_HASH": "argon2id:m=19456,t=3,p=1"])
        let http = HTTP(baseURL: server.baseURL)
        let request = Task { try await http.post("/users/create/", json: ["email": "ada@example.com", "password": Self.password]) }
        try await Task.sleep(for: .milliseconds(300))
        let status = try await server.terminate(within: .seconds(10))
        #expect(status == 0)
        #expect(try await request.value.status == 202)
        #expect(!server.log.contains("\"level\":\"error\""))
    }

    @Test func aMalformedSettingExitsWithStatus2AndOneLineNamingIt() async throws {
        let cases: [(arguments: [String], environment: [String: String], line: String)] = [
            ([], ["MFA_PORT": "eighty"], "mfa-server: MFA_PORT (--port): must be a number from 0 to 65535"),
            (["--log-format", "yaml"], [:], "mfa-server: MFA_LOG_FORMAT (--log-format): must be one of text, json"),
            // The line never repeats the URL, whose password it would show.
            ([], ["MFA_DATABASE_URL": "postgres://mfa:s3cret@db.internal/mfa?sslmode=maybe"],
             "mfa-server: MFA_DATABASE_URL (--database-url): sslmode must be one of disable, prefer, require, verify-ca, verify-full"),
            ([], ["MFA_DATABASE_TIMEOUT_SECONDS": "0"],
             "mfa-server: MFA_DATABASE_TIMEOUT_SECONDS (--database-timeout-seconds): must be a whole number of seconds from 1 to 60"),
            (["--no-such-flag"], [:], "mfa-server: Unknown option '--no-such-flag'"),
        ]
        for (arguments, environment, line) in cases {
            let (process, output) = try LiveServer.start(arguments: arguments, environment: environment)
            let status = try await process.waitForExit()
            #expect(status == 2, "\(arguments) \(environment)")
            try await Task.sleep(for: .milliseconds(50))
            #expect(output.lines == [line])
        }
    }

    @Test func helpListsEverySettingAndExitsZero() async throws {
        let (process, output) = try LiveServer.start(arguments: ["--help"], environment: [:])
        let status = try await process.waitForExit()
        #expect(status == 0)
        try await Task.sleep(for: .milliseconds(50))
        #expect(output.text.contains("MFA_PUBLIC_URL"))
        #expect(output.text.contains("--public-url"))
    }
}
