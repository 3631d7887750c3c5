import Foundation
import MFACore
import MFATestSupport
import Testing

/// `mfa-server accounts …` against the SQLite file of a server that runs
/// meanwhile, as an operator would use them.
@Suite(.serialized) struct OperatorCommandTests {
    static let password = "correct horse battery staple"

    /// A server whose limits reach the failure ceiling in seconds: a lock after
    /// two failures (one second, then two), TOTP refused from the fourth.
    /// The commands get the same settings, as they would from the server's environment file.
    static let quickLocks = ["MFA_LIMIT_ACCOUNT_FAILURES": "2/1", "MFA_LIMIT_FAILURE_CEILING": "4"]

    @Test func unlockLiftsTheFailureCeilingAndTheOtherCommandsDoWhatTheySay() async throws {
        let server = try await LiveServer(environment: Self.quickLocks)
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        let email = "ada@example.com"
        #expect(try await http.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202)
        let created = try await http.post(
            "/users/create/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/create/mfa/"))", json: ["password_again": Self.password]
        )
        let uri = try #require((try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String)
        let authenticator = try #require(try OTPAuthURI(parsing: uri).totp)

        // Four wrong codes, waiting out each lock: the account reaches the ceiling.
        #expect(try await http.post("/users/login/", json: ["email": email]).status == 202)
        let link = "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))"
        let wrong = ["password": Self.password, "totp_code": authenticator.code(at: Date() + 3_600)]
        for wait in [0.0, 0, 1.2, 0] {
            try await Task.sleep(for: .seconds(wait))
            #expect(try await http.post(link, json: wrong).status == 401)
        }
        try await Task.sleep(for: .seconds(2.2))
        let atCeiling = try OperatorRun(["accounts", "show", email], on: server, environment: Self.quickLocks)
        #expect(atCeiling.status == 0)
        #expect(atCeiling.reportLines.contains("consecutive failures: 4 (at the ceiling: TOTP codes refused until unlocked)"))

        // At the ceiling the right code is refused; after the unlock it signs in.
        #expect(try await http.post("/users/login/", json: ["email": email]).status == 202)
        let second = "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))"
        let right = ["password": Self.password, "totp_code": authenticator.code(at: Date())]
        #expect(try await http.post(second, json: right).status == 429)
        let unlock = try OperatorRun(["accounts", "unlock", email], on: server)
        #expect(unlock.status == 0)
        #expect(unlock.errors.contains("action=account_unlocked") && unlock.errors.contains("event=security"))
        #expect(unlock.errors.contains("operator="))
        let login = try await http.post(second, json: right)
        #expect(login.status == 200)
        let session = try #require(try login.json["session_token"] as? String)

        let shown = try OperatorRun(["accounts", "show", email], on: server)
        #expect(shown.reportLines.contains("consecutive failures: 0"))
        #expect(shown.reportLines.contains("sessions: 1"))
        #expect(shown.reportLines.contains("recovery codes: 10 unused"))
        #expect(!shown.report.contains(authenticator.description) && !shown.report.contains("$argon2id$"))

        let list = try OperatorRun(["accounts", "list"], on: server)
        #expect(list.reportLines.first == "accounts: 1")
        #expect(list.reportLines.contains("locked: 0"))

        let revoked = try OperatorRun(["accounts", "revoke-sessions", email], on: server)
        #expect(revoked.reportLines == ["revoked 1 session of \(email)"])
        #expect(try await http.get("/users/me", bearer: session).status == 401)

        // Deletion asks first; anything but "yes" deletes nothing.
        let declined = try OperatorRun(["accounts", "delete", email], on: server, input: "no\n")
        #expect(declined.status == 1)
        #expect(try OperatorRun(["accounts", "show", email], on: server).status == 0)
        let deleted = try OperatorRun(["accounts", "delete", email, "--yes"], on: server)
        #expect(deleted.status == 0)
        let gone = try OperatorRun(["accounts", "show", email], on: server)
        #expect(gone.status == 1)
        #expect(gone.errorLines == ["mfa-server: no account has the address \(email)"])
        try await waitForMail(in: outbox, subject: "Your account was deleted")

        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func anUnknownAddressOrAMalformedSettingGetsOneLine() async throws {
        let server = try await LiveServer()
        for command in ["show", "unlock", "revoke-sessions"] {
            let run = try OperatorRun(["accounts", command, "nobody@example.com"], on: server)
            #expect(run.status == 1)
            #expect(run.errorLines == ["mfa-server: no account has the address nobody@example.com"])
        }
        let malformed = try OperatorRun(["accounts", "list"], on: server, environment: ["MFA_DATABASE_URL": "mysql://x"])
        #expect(malformed.status == 2)
        #expect(malformed.errorLines == ["mfa-server: MFA_DATABASE_URL (--database-url): must be sqlite://PATH"])
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    /// Waits until the server's mail worker has written a message with `subject`.
    func waitForMail(in outbox: Outbox, subject: String) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if outbox.messages().contains(where: { $0.contains("Subject: \(subject)") }) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("no message \"\(subject)\" arrived")
    }
}
