import Foundation
import HummingbirdTesting
import MFACore
import Testing

/// Issue 10 over HTTP: parallel wrong codes cannot exceed the lock's budget,
/// and locks answer 429 with Retry-After.
@Suite struct FailureLimitRouteTests {
    @Test func fortyParallelWrongCodesThroughPasswordChangeGetAtMostTen401() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await client.post("/users/password/change", json: [
                            "current_password": account.password, "new_password": "a brand new passphrase",
                            "totp_code": String(format: "%06d", 100_000 + index),
                        ], bearer: session)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let unauthorised = responses.count { $0.status == .unauthorized }
            let limited = responses.filter { $0.status == .tooManyRequests }
            #expect(unauthorised <= 10)
            #expect(unauthorised + limited.count == 40)
            #expect(limited.allSatisfy { $0.headers[.retryAfter] != nil })
        }
    }

    @Test func aLockedAccountAnswers429EvenToTheRightCodeAndSpendsNoLinkAttempt() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            for _ in 0..<10 {
                let wrong = try await client.post("/users/password/change", json: [
                    "current_password": "not the password", "new_password": "a brand new passphrase",
                    "totp_code": account.code(at: server.clock.now()),
                ], bearer: session)
                #expect(wrong.status == .unauthorized)
            }
            server.clock.advance(by: 400)
            let token = try await client.loginLink(for: account)
            for _ in 0..<6 {
                let locked = try await client.post(
                    "/users/login/mfa/?one_time_url=\(token)",
                    json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
                )
                try expectProblem(locked, .rateLimited(retryAfterSeconds: 500))
                #expect(locked.headers[.retryAfter] == "500")
            }
            server.clock.advance(by: 500)
            let login = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)",
                json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
            )
            #expect(login.status == .ok, "\(login.text)")
        }
    }
}
