import Foundation
import MFACore
import Testing

/// `POST /users/recovery-codes`: ten new codes for a bearer and a current TOTP code.
@Suite struct RecoveryCodesRouteTests {
    @Test func aCurrentCodeGetsTenNewCodesAndTheOldOnesStopWorking() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            server.clock.advance(by: 30)
            let response = try await client.post(
                "/users/recovery-codes", json: ["totp_code": account.code(at: server.clock.now())], bearer: session
            )
            #expect(response.status == .ok)
            let codes = try #require(try response.json["recovery_codes"] as? [String])
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(Set(codes).isDisjoint(with: account.recoveryCodes))
            #expect(try await server.sentMail().contains { $0.subject == "New recovery codes were created" && $0.recipient == account.email })

            // An old code no longer signs in; a new one does, and says how many remain.
            server.clock.advance(by: 30)
            let old = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "recovery_code": account.recoveryCodes[0]]
            )
            try expectProblem(old, .authenticationFailed)
            let new = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                json: ["password": account.password, "recovery_code": codes[0]]
            )
            #expect(try new.json["recovery_codes_remaining"] as? Int == 9)
        }
    }

    @Test func aWrongOrReplayedCodeIsRefusedAndCounted() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            // The step the sign-in used: a replay.
            let replayed = try await client.post(
                "/users/recovery-codes", json: ["totp_code": account.code(at: server.clock.now())], bearer: session
            )
            try expectProblem(replayed, .authenticationFailed)
            let wrong = try await client.post("/users/recovery-codes", json: ["totp_code": "000000"], bearer: session)
            try expectProblem(wrong, .authenticationFailed)
            let stored = try #require(try await server.store.account(emailKey: account.email))
            #expect(stored.consecutiveFailures == 2)
            #expect(try await server.store.recoveryCodeCount(accountID: stored.id) == 10)
        }
    }

    @Test func withoutASessionItIsUnauthorizedWhateverTheBody() async throws {
        let server = try TestServer()
        try await server.run { client in
            try expectProblem(try await client.post("/users/recovery-codes", json: ["totp_code": "123456"]), .unauthorized)
            try expectProblem(try await client.post("/users/recovery-codes", json: [:], bearer: "nope"), .unauthorized)
        }
    }
}
