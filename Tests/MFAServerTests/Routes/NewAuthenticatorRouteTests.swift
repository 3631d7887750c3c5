import Foundation
import HummingbirdTesting
import MFACore
import Testing

@Suite struct NewAuthenticatorRouteTests {
    static let requestedDetail = "If the credentials are correct, a link to set up a new authenticator has been sent."

    /// Expects the contract's answer to a new authenticator, and its notice; answers the account with the new factors.
    static func expectNewSecret(
        _ response: TestResponse, for account: TestAccount, on server: TestServer, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestAccount {
        #expect(response.status == .ok, sourceLocation: sourceLocation)
        let body = try response.json
        #expect(Set(body.keys) == ["detail", "totp", "recovery_codes"], sourceLocation: sourceLocation)
        #expect(body["detail"] as? String == "New authenticator secret issued.", sourceLocation: sourceLocation)
        #expect(try await server.sentMail().last?.subject == "Your authenticator was reset", sourceLocation: sourceLocation)
        return try TestAccount(email: account.email, password: account.password, enrollment: body)
    }

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
            let renewed = try await Self.expectNewSecret(response, for: account, on: server)

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

    @Test func anOperatorsLinkShowsItsPageThenIssuesANewSecretForAnEmptyBody() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            #expect(try await server.service.resetAuthenticator(email: account.email)?.revoked == 1)
            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "An operator is resetting your authenticator")
            let token = try await server.lastToken(to: account.email)
            let path = "/users/mfa/reset/confirm/?one_time_url=\(token)"

            for _ in 0..<2 {
                let page = try await client.get(path)
                #expect(page.status == .ok)
                #expect(page.text.contains("An operator of this service checked who you are"))
                #expect(page.text.contains("action=\"\(path)\""))
            }
            let renewed = try await Self.expectNewSecret(try await client.post(path, json: [:]), for: account, on: server)
            try expectProblem(try await client.post(path, json: [:]), .linkInvalid)
            _ = try await client.signIn(renewed)

            // From the page's form: the enrollment page.
            _ = try await server.service.resetAuthenticator(email: account.email)
            let formPath = "/users/mfa/reset/confirm/?one_time_url=\(try await server.lastToken(to: account.email))"
            let page = try await client.post(formPath, form: [:])
            #expect(page.status == .ok)
            #expect(page.text.contains("New authenticator secret issued") && page.text.contains("<svg"))
        }
    }

    @Test func theOwnersLinkDoesNotServeTheOperatorsRoute() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
            let token = try await server.lastToken(to: account.email)
            try expectProblem(try await client.post("/users/mfa/reset/confirm/?one_time_url=\(token)", json: [:]), .linkInvalid)
            #expect(try await client.get("/users/mfa/reset/confirm/?one_time_url=\(token)").status.code == 410)
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
