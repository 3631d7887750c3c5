import Foundation
import HummingbirdTesting
import MFACore
import Testing
import MFACoreTesting

@Suite struct DeletionRouteTests {
    static let requestedDetail = "If the credentials are correct, a confirmation link has been sent."

    @Test func deletionNeedsThePasswordAndTheMailedLink() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            let before = try await server.sentMail().count
            try expectJSON(
                try await client.post("/users/delete/", json: ["email": account.email, "password": "wrong password here"]),
                202, ["detail": Self.requestedDetail]
            )
            #expect(try await server.sentMail().count == before)

            try expectJSON(
                try await client.post("/users/delete", json: ["email": account.email, "password": account.password]),
                202, ["detail": Self.requestedDetail]
            )
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "Confirm account deletion")
            let token = try #require(message.oneTimeToken)

            try expectValidationFailure(
                try await client.post("/users/delete/mfa/?one_time_url=\(token)", json: [:]), fields: ["totp_code", "recovery_code", "passkey"]
            )
            try expectProblem(
                try await client.post("/users/delete/mfa/?one_time_url=\(token)", json: ["totp_code": "000000"]), .authenticationFailed
            )
            server.clock.advance(by: 30)
            let code = account.code(at: server.clock.now())
            try expectJSON(
                try await client.post("/users/delete/mfa/?one_time_url=\(token)", json: ["totp_code": code]), 200, ["detail": "Account deleted."]
            )
            #expect(try await server.sentMail().last?.subject == "Your account was deleted")
            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
            try expectProblem(try await client.post("/users/delete/mfa/?one_time_url=\(token)", json: ["totp_code": code]), .linkInvalid)
        }
    }

    @Test func aDeletedAddressCanRegisterAgain() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            _ = try await client.post("/users/delete/", json: ["email": account.email, "password": account.password])
            _ = try await client.post(
                "/users/delete/mfa/?one_time_url=\(try await server.lastToken(to: account.email))",
                json: ["recovery_code": account.recoveryCodes[0]]
            )
            let again = try await client.signUp(account.email)
            _ = try await client.signIn(again)
        }
    }
}
