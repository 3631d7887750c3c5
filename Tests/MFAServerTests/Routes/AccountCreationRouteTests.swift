import Foundation
import HummingbirdTesting
import MFACore
import Testing
import MFACoreTesting

@Suite struct AccountCreationRouteTests {
    static let createdDetail = "If this address can be used, a confirmation link has been sent to it."

    @Test func creationIsAcceptedAndMailsALinkToTheConfirmationRoute() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            try expectJSON(response, 202, ["detail": Self.createdDetail])
            let message = try #require(try await server.sentMail().last)
            #expect(message.subject == "Confirm your new account")
            #expect(message.textBody.contains("https://auth.example.com/users/create/mfa/?one_time_url="))
        }
    }

    @Test func confirmationAnswers201WithTheAuthenticatorSecretAndTenRecoveryCodes() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create", json: ["email": "ada@example.com", "password": TestServer.password, "full_name": "Ada"])
            let token = try await server.lastToken(to: "ada@example.com")
            let response = try await client.post("/users/create/mfa?one_time_url=\(token)", json: ["password_again": TestServer.password])

            #expect(response.status == .created)
            let body = try response.json
            #expect(Set(body.keys) == ["detail", "email", "totp", "recovery_codes"])
            #expect(body["detail"] as? String == "Account created.")
            #expect(body["email"] as? String == "ada@example.com")
            let totp = try #require(body["totp"] as? [String: Any])
            let secret = try #require(totp["secret"] as? String)
            #expect(secret.count == 32)  // 20 bytes in base32 without padding
            #expect(totp["otpauth_uri"] as? String
                == "otpauth://totp/MFAServer:ada%40example.com?secret=\(secret)&issuer=MFAServer&algorithm=SHA1&digits=6&period=30")
            #expect(totp["algorithm"] as? String == "SHA1")
            #expect(totp["digits"] as? Int == 6)
            #expect(totp["period"] as? Int == 30)
            let codes = try #require(body["recovery_codes"] as? [String])
            #expect(codes.count == 10 && Set(codes).count == 10)
        }
    }

    @Test func anExistingAddressGetsTheSameAnswerAndANoticeWithoutALink() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.signUp("ada@example.com")
            let response = try await client.post("/users/create/", json: ["email": "ADA@example.com", "password": TestServer.password])
            try expectJSON(response, 202, ["detail": Self.createdDetail])
            let notice = try #require(try await server.sentMail().last)
            #expect(notice.subject == "An account already exists for this address")
            #expect(notice.oneTimeToken == nil)
        }
    }

    @Test func aSecondRequestReplacesTheFirstLink() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let first = try await server.lastToken(to: "ada@example.com")
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let second = try await server.lastToken(to: "ada@example.com")
            #expect(first != second)

            let old = try await client.post("/users/create/mfa/?one_time_url=\(first)", json: ["password_again": TestServer.password])
            try expectProblem(old, .linkInvalid)
            let new = try await client.post("/users/create/mfa/?one_time_url=\(second)", json: ["password_again": TestServer.password])
            #expect(new.status == .created)
        }
    }

    @Test func aWrongPasswordAgainFailsAndTheFifthFailureBurnsTheLink() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let token = try await server.lastToken(to: "ada@example.com")
            for _ in 1...5 {
                let wrong = try await client.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": "not the password at all"])
                try expectProblem(wrong, .authenticationFailed)
            }
            let right = try await client.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": TestServer.password])
            try expectProblem(right, .linkInvalid)
        }
    }

    @Test func aLinkWorksOnce() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let token = try await server.lastToken(to: "ada@example.com")
            _ = try await client.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": TestServer.password])
            let again = try await client.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": TestServer.password])
            try expectProblem(again, .linkInvalid)
        }
    }

    @Test func withoutATokenTheLinkIsInvalid() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.post("/users/create/mfa/", json: ["password_again": TestServer.password])
            try expectProblem(response, .linkInvalid)
        }
    }

    @Test func missingFieldsAreNamedTogether() async throws {
        let server = try TestServer()
        try await server.run { client in
            try expectValidationFailure(try await client.post("/users/create/", json: [:]), fields: ["email", "password"])
            try expectValidationFailure(try await client.post("/users/create/mfa/?one_time_url=x", json: [:]), fields: ["password_again"])
        }
    }

    @Test func brokenRulesAreNamedByField() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.post("/users/create/", json: ["email": "not-an-address", "password": "short"])
            try expectValidationFailure(response, fields: ["email", "password"])
            #expect(try await server.sentMail().isEmpty)
        }
    }
}
