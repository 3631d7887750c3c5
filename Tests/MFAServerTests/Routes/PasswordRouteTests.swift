import Foundation
import HummingbirdTesting
import MFACore
import Testing

@Suite struct PasswordRouteTests {
    static let newPassword = "a brand new passphrase"

    @Test func resetIsAcceptedAlikeAndMailsALinkOnlyForAnAccount() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let detail = "If an account exists for this address, a password reset link has been sent to it."
            let before = try await server.sentMail().count
            try expectJSON(try await client.post("/users/password/reset/", json: ["email": "nobody@example.com"]), 202, ["detail": detail])
            #expect(try await server.sentMail().count == before)
            try expectJSON(try await client.post("/users/password/reset", json: ["email": account.email]), 202, ["detail": detail])
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "Reset your password")
            #expect(message.textBody.contains("https://auth.example.com/users/password/reset/confirm/?one_time_url="))
        }
    }

    @Test func resetNeedsASecondFactorAndRevokesEverySession() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            _ = try await client.post("/users/password/reset/", json: ["email": account.email])
            let token = try await server.lastToken(to: account.email)

            let withoutFactor = try await client.post("/users/password/reset/confirm/?one_time_url=\(token)", json: ["new_password": Self.newPassword])
            try expectValidationFailure(withoutFactor, fields: ["totp_code", "recovery_code", "passkey"])
            let wrongCode = try await client.post(
                "/users/password/reset/confirm/?one_time_url=\(token)", json: ["new_password": Self.newPassword, "totp_code": "000000"]
            )
            try expectProblem(wrongCode, .authenticationFailed)

            server.clock.advance(by: 30)
            let reset = try await client.post(
                "/users/password/reset/confirm?one_time_url=\(token)",
                json: ["new_password": Self.newPassword, "totp_code": account.code(at: server.clock.now())]
            )
            try expectJSON(reset, 200, ["detail": "Password changed."])
            #expect(try await server.sentMail().last?.subject == "Your password was changed")
            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
            _ = try await client.signIn(TestAccount(
                email: account.email, password: Self.newPassword, authenticator: account.authenticator, recoveryCodes: account.recoveryCodes
            ))
        }
    }

    @Test func changeNeedsTheSessionTheCurrentPasswordAndACodeAndKeepsThisSession() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let other = try await client.signIn(account)
            let current = try await client.signIn(account)
            server.clock.advance(by: 30)
            let fields = ["current_password": account.password, "new_password": Self.newPassword, "totp_code": account.code(at: server.clock.now())]

            try expectProblem(try await client.post("/users/password/change", json: fields), .unauthorized)
            try expectValidationFailure(try await client.post("/users/password/change/", json: [:], bearer: current), fields: [
                "current_password", "new_password", "totp_code", "passkey",
            ])
            var wrong = fields
            wrong["current_password"] = "wrong password here"
            try expectProblem(try await client.post("/users/password/change", json: wrong, bearer: current), .authenticationFailed)

            try expectJSON(try await client.post("/users/password/change", json: fields, bearer: current), 200, ["detail": "Password changed."])
            #expect(try await server.sentMail().last?.subject == "Your password was changed")
            #expect(try await client.get("/users/me", bearer: current).status == .ok)
            try expectProblem(try await client.get("/users/me", bearer: other), .unauthorized)
        }
    }
}
