import Foundation
import HummingbirdTesting
import MFACore
import Testing

@Suite struct NewAuthenticatorRouteTests {
    static let requestedDetail = "If the credentials are correct, a link to set up a new authenticator has been sent."

    @Test func onlyTheCorrectPasswordGetsALinkButEveryoneGetsTheSameAnswer() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let before = try await server.sentMail().count
            for credentials in [["email": account.email, "password": "wrong password here"], ["email": "nobody@example.com", "password": account.password]] {
                try expectJSON(try await client.post("/users/mfa/new_totp_code/", json: credentials), 202, ["detail": Self.requestedDetail])
            }
            #expect(try await server.sentMail().count == before)
            let right = try await client.post("/users/mfa/new_totp_code", json: ["email": account.email, "password": account.password])
            try expectJSON(right, 202, ["detail": Self.requestedDetail])
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "Set up a new authenticator")
            #expect(message.textBody.contains("https://auth.example.com/users/mfa/new_totp_code/confirm/?one_time_url="))
        }
    }

    @Test func confirmingIssuesANewSecretRevokesSessionsAndRetiresTheOldFactors() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
            let token = try await server.lastToken(to: account.email)

            let response = try await client.post(
                "/users/mfa/new_totp_code/confirm/?one_time_url=\(token)", json: ["recovery_code": account.recoveryCodes[1]]
            )
            #expect(response.status == .ok)
            let body = try response.json
            #expect(Set(body.keys) == ["detail", "totp", "recovery_codes"])
            #expect(body["detail"] as? String == "New authenticator secret issued.")
            let renewed = try TestAccount(email: account.email, password: account.password, enrollment: body)
            #expect(try await server.sentMail().last?.subject == "Your authenticator was reset")

            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
            let oldCode = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "recovery_code": account.recoveryCodes[0]]
            )
            try expectProblem(oldCode, .authenticationFailed)
            _ = try await client.signIn(renewed)
        }
    }

    @Test func thePasswordAndTheMailboxAloneNeverReplaceTheAuthenticator() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
            let token = try await server.lastToken(to: account.email)
            let path = "/users/mfa/new_totp_code/confirm?one_time_url=\(token)"
            try expectValidationFailure(try await client.post(path, json: [:]), fields: ["totp_code", "recovery_code", "passkey"])
            // A code of another length than the account's is malformed, and spends no attempt.
            try expectValidationFailure(try await client.post(path, json: ["totp_code": "1234567"]), fields: ["totp_code"])
            for _ in 0..<5 { try expectProblem(try await client.post(path, json: ["totp_code": "000000"]), .authenticationFailed) }
            server.clock.advance(by: 30)
            try expectProblem(try await client.post(path, json: ["totp_code": account.code(at: server.clock.now())]), .linkInvalid)
        }
    }

    @Test func aLoginLinkDoesNotConfirmANewAuthenticator() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            let confirm = try await client.post(
                "/users/mfa/new_totp_code/confirm/?one_time_url=\(token)", json: ["totp_code": account.code(at: server.clock.now())]
            )
            try expectProblem(confirm, .linkInvalid)
        }
    }
}
