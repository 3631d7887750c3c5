import Foundation
import MFACore
import Testing

/// Runs every workflow against the real server at debug level and searches
/// its whole log for every secret that crossed the wire.
@Suite(.serialized) struct LogSecretsTests {
    @Test(arguments: ["json", "text"])
    func noSecretOrTokenIsEverLogged(format: String) async throws {
        let server = try await LiveServer(environment: ["MFA_LOG_FORMAT": format, "MFA_LIMIT_LINKS_PER_ADDRESS": "100/900"])
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
        let password = "first secret passphrase"
        let newPassword = "second secret passphrase"
        secrets += [password, newPassword]

        expectStatus(try await http.post("/users/create/", json: ["email": email, "password": password]), 202)
        let created = try await http.post("/users/create/mfa/?one_time_url=\(try await token("/users/create/mfa/"))", json: ["password_again": password])
        expectStatus(created, 201)
        var account = try Enrolled(created.json)
        secrets += account.secrets

        expectStatus(try await http.post("/users/login/", json: ["email": email]), 202)
        let login = try await http.post(
            "/users/login/mfa/?one_time_url=\(try await token("/users/login/mfa/"))",
            json: ["password": password, "recovery_code": account.recoveryCodes[0]]
        )
        expectStatus(login, 200)
        let session = try #require(try login.json["session_token"] as? String)
        secrets.append(session)
        expectStatus(try await http.get("/users/me", bearer: session), 200)

        let change = try await http.post(
            "/users/password/change",
            json: ["current_password": password, "new_password": newPassword, "totp_code": account.code()], bearer: session
        )
        expectStatus(change, 200)

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
        expectStatus(try await http.post("/users/login/mfa/?one_time_url=\(secrets[0])", json: ["password": password, "totp_code": "123456"]), 410)

        expectStatus(try await http.post("/users/delete/", json: ["email": email, "password": password]), 202)
        expectStatus(
            try await http.post(
                "/users/delete/mfa/?one_time_url=\(try await token("/users/delete/mfa/"))", json: ["recovery_code": account.recoveryCodes[2]]
            ),
            200
        )

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
