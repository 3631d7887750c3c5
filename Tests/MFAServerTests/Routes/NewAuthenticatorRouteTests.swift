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

            let response = try await client.post("/users/mfa/new_totp_code/confirm/?one_time_url=\(token)", json: [:])
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

    @Test func theConfirmationAcceptsAnEmptyBody() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
            let token = try await server.lastToken(to: account.email)
            let response = try await client.send(.post, "/users/mfa/new_totp_code/confirm?one_time_url=\(token)")
            #expect(response.status == .ok)
        }
    }

    @Test func aLoginLinkDoesNotConfirmANewAuthenticator() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            try expectProblem(try await client.post("/users/mfa/new_totp_code/confirm/?one_time_url=\(token)", json: [:]), .linkInvalid)
        }
    }
}
