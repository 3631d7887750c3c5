import Foundation
import HummingbirdTesting
import MFACore
import Testing

@Suite struct SessionRouteTests {
    @Test func meDescribesTheAccountWithNullsForWhatIsUnset() async throws {
        let server = try TestServer()
        try await server.run { client in
            let createdAt = server.clock.now()
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            let response = try await client.get("/users/me/", bearer: session)
            try expectJSON(response, 200, [
                "email": account.email, "full_name": NSNull(),
                "created_at": rfc3339(createdAt), "last_login": rfc3339(server.clock.now()),
            ])
        }
    }

    @Test func meShowsTheFullNameGivenAtSignUp() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password, "full_name": "Ada Lovelace"])
            let token = try await server.lastToken(to: "ada@example.com")
            let created = try await client.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": TestServer.password])
            let account = try TestAccount(email: "ada@example.com", password: TestServer.password, enrollment: created.json)
            let session = try await client.signIn(account)
            #expect(try await client.get("/users/me", bearer: session).string("full_name") == "Ada Lovelace")
        }
    }

    @Test func withoutAValidTokenMeIsUnauthorizedAndNamesTheScheme() async throws {
        let server = try TestServer()
        try await server.run { client in
            for bearer in [nil, "", "not-a-session-token"] {
                let response = try await client.get("/users/me", bearer: bearer)
                try expectProblem(response, .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            let basic = try await client.send(.get, "/users/me", headers: [.authorization: "Basic YWRhOnB3"])
            try expectProblem(basic, .unauthorized)
        }
    }

    @Test func logoutAnswers204AndEndsTheSession() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            let response = try await client.send(.post, "/users/logout", headers: [.authorization: "Bearer \(session)"])
            #expect(response.status == .noContent)
            #expect(response.body.readableBytes == 0)
            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
            try expectProblem(try await client.send(.post, "/users/logout/", headers: [.authorization: "bearer \(session)"]), .unauthorized)
        }
    }

    @Test func sessionsExpire() async throws {
        let server = try TestServer { $0.sessionLifetime = 3600 }
        try await server.run { client in
            let session = try await client.signIn(try await client.signUp())
            server.clock.advance(by: 3601)
            try expectProblem(try await client.get("/users/me", bearer: session), .unauthorized)
        }
    }
}
