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
        let authenticator = try await http.signUp(email, password: Self.password, outbox: outbox).authenticator

        // Four wrong codes, waiting out each lock: the account reaches the ceiling.
        let link = try await http.loginLink(email, outbox: outbox)
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
        let second = try await http.loginLink(email, outbox: outbox)
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

    @Test func resetAuthenticatorMailsALinkThatNeedsNoOldFactorWorksOnceAndSignsInWithTheNewSecretOnly() async throws {
        // The command reads the server's settings, public URL included, as from the server's environment file.
        let settings = ["MFA_PUBLIC_URL": "https://auth.example.com"]
        let server = try await LiveServer(environment: settings)
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        let email = "grace@example.com"
        let old = try await http.signUp(email, password: Self.password, outbox: outbox)
        let login = try await http.post(
            try await http.loginLink(email, outbox: outbox), json: ["password": Self.password, "totp_code": old.authenticator.code(at: Date())]
        )
        let session = try #require(try login.json["session_token"] as? String)

        let reset = try OperatorRun(["accounts", "reset-authenticator", email], on: server, environment: settings)
        #expect(reset.status == 0, "\(reset.errors)")
        #expect(reset.reportLines == ["mailed \(email) a link to set up a new authenticator (once, within 600 s); revoked 1 session"])
        #expect(reset.errors.contains("action=link_requested") && reset.errors.contains("purpose=authenticator_reset_by_operator"))
        #expect(reset.errors.contains("action=sessions_revoked"))
        #expect(reset.errors.contains("operator="))
        // The sessions end at once, before the owner does anything.
        #expect(try await http.get("/users/me", bearer: session).status == 401)

        try await waitForMail(in: outbox, subject: "An operator is resetting your authenticator")
        let mail = try #require(outbox.messages().first { $0.contains("Subject: An operator is resetting your authenticator") })
        #expect(mail.contains("https://auth.example.com/users/mfa/reset/confirm/?one_time_url="))
        let link = "/users/mfa/reset/confirm/?one_time_url=\(try await outbox.token(linkingTo: "/users/mfa/reset/confirm/"))"
        // Opening the link, as a mail scanner would, consumes nothing.
        for _ in 0..<2 {
            let page = try await http.get(link)
            #expect(page.status == 200)
            #expect(String(decoding: page.body, as: UTF8.self).contains("An operator of this service checked who you are"))
        }
        // No factor at all: an empty body.
        let renewed = try await http.post(link)
        #expect(renewed.status == 200, "\(String(decoding: renewed.body, as: UTF8.self))")
        #expect(try renewed.json["detail"] as? String == "New authenticator secret issued.")
        let secret = try #require((try renewed.json["totp"] as? [String: Any])?["secret"] as? String)
        #expect((try renewed.json["recovery_codes"] as? [String])?.count == 10)
        try await waitForMail(in: outbox, subject: "Your authenticator was reset")
        #expect(try await http.post(link).status == 410)

        // The old secret and recovery codes fail; a code that oathtool computes from the new secret signs in.
        let signIn = try await http.loginLink(email, outbox: outbox)
        for oldFactor in [["totp_code": old.authenticator.code(at: Date())], ["recovery_code": old.recoveryCodes[0]]] {
            #expect(try await http.post(signIn, json: ["password": Self.password].merging(oldFactor) { $1 }).status == 401)
        }
        let oathtool = try ExternalTool.onPath("oathtool", installation: "apt-get install oathtool")
        let code = try oathtool.run(["--totp", "--base32", "-"], input: secret).trimmingCharacters(in: .whitespacesAndNewlines)
        let signedIn = try await http.post(signIn, json: ["password": Self.password, "totp_code": code])
        #expect(signedIn.status == 200)
        #expect(try OperatorRun(["accounts", "show", email], on: server).reportLines.contains("sessions: 1"))
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func anUnknownAddressOrAMalformedSettingGetsOneLine() async throws {
        let server = try await LiveServer()
        for command in ["show", "unlock", "reset-authenticator", "revoke-sessions"] {
            let run = try OperatorRun(["accounts", command, "nobody@example.com"], on: server)
            #expect(run.status == 1)
            #expect(run.errorLines == ["mfa-server: no account has the address nobody@example.com"])
        }
        let malformed = try OperatorRun(["accounts", "list"], on: server, environment: ["MFA_DATABASE_URL": "mysql://x"])
        #expect(malformed.status == 2)
        #expect(malformed.errorLines == ["mfa-server: MFA_DATABASE_URL (--database-url): must be sqlite://PATH or postgres://user:password@host:port/database"])
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
