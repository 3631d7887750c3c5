import Foundation
import MFACore
import Testing

/// Runs every workflow, with failures, a lock and a limit, against the real
/// server at debug level and searches its whole log for every address and
/// secret that crossed the wire; in JSON, checks the security event lines too.
@Suite(.serialized) struct LogSecretsTests {
    @Test(arguments: ["json", "text"])
    func noSecretOrTokenIsEverLogged(format: String) async throws {
        let server = try await LiveServer(environment: [
            "MFA_LOG_FORMAT": format,
            // Room for grace's six link requests; the ninth for one unknown address is refused.
            "MFA_LIMIT_LINKS_PER_ADDRESS": "8/900",
            // Two failures lock the account for four seconds: long enough for the
            // third attempt's hash to end within the lock on a machine busy with
            // parallel tests (with one second, a fresh-clone run once saw it end after).
            "MFA_LIMIT_ACCOUNT_FAILURES": "2/4",
        ])
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        var secrets: [String] = []
        func token(_ path: String) async throws -> String {
            let token = try await outbox.token(linkingTo: path)
            secrets.append(token)
            return token
        }
        func expectStatus(_ answer: HTTP.Answer, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(answer.status == status, "\(String(decoding: answer.body, as: UTF8.self))", sourceLocation: sourceLocation)
        }
        let email = "grace@example.com"
        let unknown = "nobody@example.com"
        let password = "first secret passphrase"
        let newPassword = "second secret passphrase"
        let wrongPassword = "wrong secret passphrase"
        secrets += [email, unknown, password, newPassword, wrongPassword]
        // TOTP codes are six digits, which a timestamp or an id may hold by chance: searched for in the security lines' fields only.
        var codes: [String] = []

        expectStatus(try await http.post("/users/create/", json: ["email": email, "password": password]), 202)
        let created = try await http.post("/users/create/mfa/?one_time_url=\(try await token("/users/create/mfa/"))", json: ["password_again": password])
        expectStatus(created, 201)
        var account = try Enrolled(created.json)
        secrets += account.secrets

        expectStatus(try await http.post("/users/login/", json: ["email": unknown]), 202)
        expectStatus(try await http.post("/users/login/", json: ["email": email]), 202)
        let loginLink = "/users/login/mfa/?one_time_url=\(try await token("/users/login/mfa/"))"
        let wrongCode = account.authenticator.code(at: Date() + 3_600)
        codes += [account.code(), wrongCode]
        expectStatus(try await http.post(loginLink, json: ["password": wrongPassword, "totp_code": account.code()]), 401)
        expectStatus(try await http.post(loginLink, json: ["password": password, "totp_code": wrongCode]), 401)
        // Locked: even the right answer is refused until the lock ends.
        let right = ["password": password, "recovery_code": account.recoveryCodes[0]]
        expectStatus(try await http.post(loginLink, json: right), 429)
        try await Task.sleep(for: .seconds(4.2))
        let login = try await http.post(loginLink, json: right)
        expectStatus(login, 200)
        let session = try #require(try login.json["session_token"] as? String)
        secrets.append(session)
        expectStatus(try await http.get("/users/me", bearer: session), 200)

        codes.append(account.code())
        let change = try await http.post(
            "/users/password/change",
            json: ["current_password": password, "new_password": newPassword, "totp_code": account.code()], bearer: session
        )
        expectStatus(change, 200)

        expectStatus(try await http.post("/users/mfa/new_totp_code/", json: ["email": email, "password": wrongPassword]), 202)
        expectStatus(try await http.post("/users/mfa/new_totp_code/", json: ["email": email, "password": newPassword]), 202)
        let renewed = try await http.post(
            "/users/mfa/new_totp_code/confirm/?one_time_url=\(try await token("/users/mfa/new_totp_code/confirm/"))",
            json: ["recovery_code": account.recoveryCodes[1]]
        )
        expectStatus(renewed, 200)
        account = try Enrolled(renewed.json)
        secrets += account.secrets

        expectStatus(try await http.post("/users/password/reset/", json: ["email": email]), 202)
        let reset = try await http.post(
            "/users/password/reset/confirm/?one_time_url=\(try await token("/users/password/reset/confirm/"))",
            json: ["new_password": password, "recovery_code": account.recoveryCodes[0]]
        )
        expectStatus(reset, 200)

        expectStatus(try await http.post("/users/login/", json: ["email": email]), 202)
        let second = try await http.post(
            "/users/login/mfa/?one_time_url=\(try await token("/users/login/mfa/"))", json: ["password": password, "recovery_code": account.recoveryCodes[1]]
        )
        expectStatus(second, 200)
        let secondSession = try #require(try second.json["session_token"] as? String)
        secrets.append(secondSession)
        expectStatus(try await http.post("/users/logout", bearer: secondSession), 204)
        expectStatus(try await http.post(loginLink, json: ["password": password, "totp_code": "123456"]), 410)

        expectStatus(try await http.post("/users/delete/", json: ["email": email, "password": password]), 202)
        expectStatus(
            try await http.post(
                "/users/delete/mfa/?one_time_url=\(try await token("/users/delete/mfa/"))", json: ["recovery_code": account.recoveryCodes[2]]
            ),
            200
        )

        // With the login request above, eight for the unknown address: the ninth is refused.
        for _ in 1...7 { expectStatus(try await http.post("/users/password/reset/", json: ["email": unknown]), 202) }
        expectStatus(try await http.post("/users/password/reset/", json: ["email": unknown]), 429)

        #expect(try await server.terminate(within: .seconds(10)) == 0)
        let log = server.log
        #expect(log.contains("Request"), "the log is empty:\n\(log)")
        for secret in secrets {
            #expect(!log.contains(secret), "the log contains a secret: \(secret)")
        }
        // The recovery codes, also as typed without hyphens.
        for secret in secrets where secret.contains("-") {
            #expect(!log.contains(secret.replacingOccurrences(of: "-", with: "")))
        }
        switch format {
        case "json": try Self.checkSecurityLines(of: server, holdingNoneOf: secrets + codes)
        default: #expect(log.contains("event=security") && log.contains("action=completion_failed"))
        }
    }

    /// The security lines are JSON objects at notice level with the fields of
    /// their event, one for each decision the flow above made, and none holds
    /// an address, a secret or a code.
    private static func checkSecurityLines(of server: LiveServer, holdingNoneOf secrets: [String]) throws {
        let lines = server.log.split(separator: "\n").filter { $0.contains(#""event":"security""#) }
        let events = try lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object, "not a JSON object: \(line)")
        }
        var seen: Set<String> = []
        for event in events {
            let action = try #require(event["action"] as? String)
            seen.insert([action, event["purpose"] as? String, event["reason"] as? String].compactMap { $0 }.joined(separator: " "))
            #expect(event["level"] as? String == "notice")
            #expect(event["client.network"] as? String == "127.0.0.1", "\(event)")
            if let account = event["account"] as? String { #expect(UUID(uuidString: account) != nil, "\(event)") }
            for (field, value) in event where field != "time" && field != "account" {
                let text = "\(value)"
                for secret in secrets { #expect(!text.contains(secret), "\(field) of \(event) holds \(secret)") }
            }
        }
        let expected = [
            "link_requested create_account", "account_created create_account",
            "link_requested login no_account", "link_requested login",
            "completion_failed login wrong_password", "completion_failed login wrong_totp_code",
            "account_locked login repeated_failures", "completion_failed login account_locked",
            "login_succeeded login recovery_code",
            "password_changed password_change", "sessions_revoked password_change",
            "link_requested new_authenticator wrong_password", "authenticator_replaced new_authenticator recovery_code",
            "password_reset password_reset recovery_code", "sessions_revoked logout",
            "completion_failed login link_invalid", "account_deleted delete_account recovery_code",
            "link_requested password_reset no_account", "rate_limited password_reset links_per_address",
        ]
        for line in expected { #expect(seen.contains(line), "no security line \(line) among \(seen.sorted())") }
    }
}

/// What an enrollment answer hands out.
private struct Enrolled {
    let secret: String
    let authenticator: TOTP
    let recoveryCodes: [String]

    init(_ body: [String: Any]) throws {
        guard let totp = body["totp"] as? [String: Any], let secret = totp["secret"] as? String,
              let uri = totp["otpauth_uri"] as? String, let authenticator = try OTPAuthURI(parsing: uri).totp,
              let codes = body["recovery_codes"] as? [String]
        else { throw TestFailure("not an enrollment: \(body)") }
        self.secret = secret
        self.authenticator = authenticator
        recoveryCodes = codes
    }

    var secrets: [String] { [secret] + recoveryCodes }

    /// A code for now; a new enrollment or a new time step is needed for each use.
    func code() -> String { authenticator.code(at: Date()) }
}
