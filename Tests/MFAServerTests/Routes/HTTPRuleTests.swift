import Foundation
import HTTPTypes
import HummingbirdTesting
import MFACore
import MFATestSupport
import Testing
@testable import MFAServerKit

@Suite struct HTTPRuleTests {
    @Test func everyRouteAnswersWithAndWithoutATrailingSlash() async throws {
        let server = try TestServer()
        try await server.run { client in
            for route in server.routes {
                for path in [route.path, route.path + "/"] {
                    let response = try await client.send(route.method, path)
                    #expect(![404, 405, 301, 308].contains(response.status.code), "\(route.method) \(path): \(response.status)")
                }
            }
        }
    }

    @Test func anUnknownRouteIsNotFound() async throws {
        let server = try TestServer()
        try await server.run { client in
            try expectProblem(try await client.get("/users/unknown"), RequestError.notFound)
            try expectProblem(
                try await client.send(.post, "/nothing/here/", headers: [.contentType: "application/json"], body: "{}"), RequestError.notFound
            )
        }
    }

    @Test func aKnownRouteWithAnotherMethodIsNotAllowedAndSaysWhatIs() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.get("/users/logout")
            try expectProblem(response, .methodNotAllowed(allowed: []))
            #expect(response.headers[.allow] == "POST")
            let me = try await client.send(.delete, "/users/me")
            try expectProblem(me, .methodNotAllowed(allowed: []))
            #expect(me.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func everyGetAnswersHeadWithoutABody() async throws {
        let server = try TestServer()
        try await server.run { client in
            let head = try await client.send(.head, "/health")
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await client.send(.head, "/users/login/mfa/?one_time_url=x").status == .gone)
        }
    }

    @Test func aBodyOver16KiBIsTooLarge() async throws {
        let server = try TestServer()
        try await server.run { client in
            let padding = String(repeating: "x", count: 16 * 1024)
            let response = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": padding])
            try expectProblem(response, .payloadTooLarge)
            let atTheLimit = try await client.send(
                .post, "/users/login/", headers: [.contentType: "application/json"],
                body: #"{"email": "ada@example.com"}"# + String(repeating: " ", count: 16 * 1024 - 28)
            )
            #expect(atTheLimit.status == .accepted)
        }
    }

    @Test func aBodyOfAnotherTypeIsUnsupported() async throws {
        let server = try TestServer()
        try await server.run { client in
            for contentType in ["text/plain", "application/xml", "application/json; charset=latin1"] {
                let response = try await client.send(.post, "/users/login/", headers: [.contentType: contentType], body: "email=ada%40example.com")
                try expectProblem(response, .unsupportedMediaType)
            }
            // Forms are taken only where pages post them; the bearer API's change of password takes JSON alone.
            let session = try await client.signIn(try await client.signUp())
            let form = try await client.send(
                .post, "/users/password/change",
                headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Bearer \(session)"], body: "current_password=x"
            )
            try expectProblem(form, .unsupportedMediaType)
            let untyped = try await client.send(.post, "/users/login/", body: #"{"email": "ada@example.com"}"#)
            try expectProblem(untyped, .unsupportedMediaType)
        }
    }

    @Test func jsonWithACharsetParameterIsAccepted() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.send(
                .post, "/users/login/", headers: [.contentType: "Application/JSON; charset=UTF-8"], body: #"{"email": "ada@example.com"}"#
            )
            #expect(response.status == .accepted)
        }
    }

    @Test(arguments: [
        #"{"email": "#,
        #"["ada@example.com"]"#,
        #""ada@example.com""#,
        #"{"email": 42}"#,
        #"{"email": ["ada@example.com"]}"#,
        #"{"email": {"address": "ada@example.com"}}"#,
        #"{"email": true}"#,
    ])
    func aBodyThatIsNotAnObjectOfStringsIsMalformed(body: String) async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.send(.post, "/users/login/", headers: [.contentType: "application/json"], body: body)
            #expect(response.status == .badRequest)
            #expect(try response.json["code"] as? String == "malformed_request")
            #expect(try response.json["type"] as? String == "about:blank")
        }
    }

    @Test func aNullOrMissingFieldIsRequiredAndAnUnknownFieldIsIgnored() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.send(
                .post, "/users/create/", headers: [.contentType: "application/json"], body: #"{"email": null, "password": "x", "color": 3}"#
            )
            // Missing fields come first; the password's value is checked once all are present.
            try expectValidationFailure(response, fields: ["email"])
            let errors = try response.json["errors"] as? [[String: String]] ?? []
            #expect(errors == [["field": "email", "message": "This field is required."]])
        }
    }

    @Test func everyPostToUsersCountsAgainstTheClientLimit() async throws {
        let routes = try TestServer().routes.filter { $0.method == .post && $0.path.hasPrefix("/users/") }
        #expect(routes.count == 23)
        for route in routes {
            let server = try TestServer { $0.requestsPerClient = RateLimit(count: 2, window: 60) }
            try await server.run { client in
                for _ in 1...2 {
                    #expect(try await client.post(route.path, json: [:]).status != .tooManyRequests)
                }
                let limited = try await client.post(route.path, json: [:])
                #expect(limited.status == .tooManyRequests, "\(route.path)")
                #expect(try limited.json["code"] as? String == "rate_limited")
                #expect(limited.headers[.retryAfter] == "60")
            }
        }
    }

    @Test func readingIsNotLimitedPerClient() async throws {
        let server = try TestServer { $0.requestsPerClient = RateLimit(count: 1, window: 60) }
        try await server.run { client in
            for _ in 1...3 {
                #expect(try await client.get("/health").status == .ok)
                try expectProblem(try await client.get("/users/me"), .unauthorized)
            }
        }
    }

    @Test func linkRequestsPerAddressAreLimitedAlikeForKnownAndUnknownAddresses() async throws {
        let server = try TestServer { $0.linksPerAddress = RateLimit(count: 3, window: 900) }
        try await server.run { client in
            let account = try await client.signUp("ada@example.com")  // the first request for this address
            _ = try await client.post("/users/login/", json: ["email": account.email])
            _ = try await client.post("/users/login/", json: ["email": "nobody@example.com"])
            _ = try await client.post("/users/login/", json: ["email": "nobody@example.com"])
            for email in [account.email, "nobody@example.com"] {
                #expect(try await client.post("/users/login/", json: ["email": email]).status == .accepted)
                let limited = try await client.post("/users/password/reset/", json: ["email": email])
                try expectProblem(limited, .rateLimited(retryAfterSeconds: 900))
                #expect(limited.headers[.retryAfter] == "900")
            }
        }
    }

    @Test func anUnreachableStoreMakesTheServiceUnavailable() async throws {
        let server = try TestServer()
        try await server.run { client in
            server.store.setDown(true)
            try expectProblem(try await client.post("/users/login/", json: ["email": "ada@example.com"]), .unavailable)
            try expectProblem(try await client.get("/health"), .unavailable)
            server.store.setDown(false)
            server.clock.advance(by: 1)
            #expect(try await client.get("/health").status == .ok)
        }
    }

    @Test func healthAsksTheStoreAtMostOnceASecond() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.get("/health").status == .ok)
            server.store.setDown(true)
            #expect(try await client.get("/health").status == .ok, "the answer of the same second")
            server.clock.advance(by: 0.9)
            #expect(try await client.get("/health").status == .ok, "the answer of the same second")
            server.clock.advance(by: 0.1)
            try expectProblem(try await client.get("/health"), .unavailable)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let server = try TestServer()
        try await server.run { client in
            for response in [
                try await client.get("/health"),
                try await client.post("/users/login/", json: ["email": "ada@example.com"]),
                try await client.get("/users/unknown"),
            ] {
                #expect(response.headers[.contentSecurityPolicy]
                    == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }
}
