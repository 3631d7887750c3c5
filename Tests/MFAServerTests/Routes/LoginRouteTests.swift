import Foundation
import HummingbirdTesting
import MFACore
import Testing

@Suite struct LoginRouteTests {
    static let requestedDetail = "If an account exists for this address, a sign-in link has been sent to it."

    @Test func aLinkIsMailedOnlyForAnExistingAccountButTheAnswerIsTheSame() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let before = try await server.sentMail().count
            try expectJSON(try await client.post("/users/login", json: ["email": "nobody@example.com"]), 202, ["detail": Self.requestedDetail])
            #expect(try await server.sentMail().count == before)
            try expectJSON(try await client.post("/users/login/", json: ["email": account.email]), 202, ["detail": Self.requestedDetail])
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "Your sign-in link")
            #expect(message.textBody.contains("https://auth.example.com/users/login/mfa/?one_time_url="))
        }
    }

    @Test func theFirstLoginHasNoLastLoginAndTheSecondReportsTheFirst() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            server.clock.advance(by: 30)
            let firstAt = server.clock.now()
            let token = try await client.loginLink(for: account)
            let first = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password, "totp_code": account.code(at: firstAt)]
            )
            #expect(first.status == .ok)
            let body = try first.json
            #expect(Set(body.keys) == ["detail", "email", "last_login", "session_token", "expires_at"])
            #expect(body["detail"] as? String == "Login successful.")
            #expect(body["email"] as? String == account.email)
            #expect(body["last_login"] is NSNull)
            #expect((body["session_token"] as? String ?? "").count >= 22)
            #expect(body["expires_at"] as? String == rfc3339(firstAt + 43_200))

            _ = try await client.signIn(account)
            server.clock.advance(by: 30)
            let third = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
            )
            #expect(try third.string("last_login") == rfc3339(server.clock.now() - 30))
        }
    }

    @Test func aRecoveryCodeWorksOnceAndReportsHowManyRemain() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let code = account.recoveryCodes[0]
            let response = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "recovery_code": code.uppercased()]
            )
            #expect(response.status == .ok)
            #expect(try response.json["recovery_codes_remaining"] as? Int == 9)
            #expect(try await server.sentMail().last?.subject == "A recovery code was used")

            let again = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "recovery_code": code]
            )
            try expectProblem(again, .authenticationFailed)
        }
    }

    @Test func exactlyOneSecondFactorIsRequired() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            let neither = try await client.post("/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password])
            try expectValidationFailure(neither, fields: ["totp_code", "recovery_code", "passkey"])
            let both = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)",
                json: ["password": account.password, "totp_code": "123456", "recovery_code": account.recoveryCodes[0]]
            )
            try expectValidationFailure(both, fields: ["totp_code", "recovery_code", "passkey"])
            let nothing = try await client.post("/users/login/mfa/?one_time_url=\(token)", json: [:])
            try expectValidationFailure(nothing, fields: ["password", "totp_code", "recovery_code", "passkey"])
        }
    }

    @Test func aWrongPasswordAndAWrongCodeGetTheSameAnswer() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            let code = account.code(at: server.clock.now())
            let wrongPassword = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", json: ["password": "wrong password here", "totp_code": code]
            )
            let wrongCode = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password, "totp_code": "000000"]
            )
            try expectProblem(wrongPassword, .authenticationFailed)
            try expectProblem(wrongCode, .authenticationFailed)
            #expect(wrongPassword.text == wrongCode.text)
        }
    }

    @Test func aTimeStepIsAcceptedOnlyOnce() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let code = account.code(at: server.clock.now())
            let first = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))", json: ["password": account.password, "totp_code": code]
            )
            #expect(first.status == .ok)
            let replay = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))", json: ["password": account.password, "totp_code": code]
            )
            try expectProblem(replay, .authenticationFailed)
        }
    }

    @Test func fiveFailuresBurnALink() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            for _ in 1...5 {
                let wrong = try await client.post("/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password, "totp_code": "000000"])
                try expectProblem(wrong, .authenticationFailed)
            }
            let right = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
            )
            try expectProblem(right, .linkInvalid)
        }
    }

    @Test func tenFailuresLockTheAccountEvenForCorrectInputWithRetryAfter() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            for _ in 1...2 {
                let token = try await client.loginLink(for: account)
                for _ in 1...5 {
                    _ = try await client.post("/users/login/mfa/?one_time_url=\(token)", json: ["password": account.password, "totp_code": "000000"])
                }
            }
            let locked = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
            )
            #expect(locked.status == .tooManyRequests)
            #expect(try locked.json["code"] as? String == "rate_limited")
            #expect(locked.headers[.retryAfter] == "900")

            server.clock.advance(by: 901)
            let later = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
            )
            #expect(later.status == .ok)
        }
    }
}

/// The contract's time format, to compare against.
func rfc3339(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
}
