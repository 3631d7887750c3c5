import Foundation
import MFACore
import MFATestSupport
import Synchronization
import Testing

/// Two real servers on one PostgreSQL database behind nginx: every rule that
/// one server enforces holds across both.
@Suite(.serialized, .needsPostgres) struct BalancedServersLiveTests {
    static let password = "correct horse battery staple"
    /// Limits that stay out of the way of tests about something else.
    static let generous = [
        "MFA_LIMIT_REQUESTS_PER_CLIENT": "100000/60", "MFA_LIMIT_LINKS_PER_ADDRESS": "1000/900",
        "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL": "1000/3600", "MFA_LIMIT_ACCOUNT_FAILURES": "100/1",
    ]

    @Test func aLinkRequestedThroughOneServerCompletesThroughTheOther() async throws {
        let pair = try await BalancedServers(environment: Self.generous)
        let (first, second) = (HTTP(baseURL: pair.servers[0].baseURL), HTTP(baseURL: pair.servers[1].baseURL))
        let email = "ada@example.com"

        #expect(try await first.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202)
        let created = try await second.post(
            "/users/create/mfa/?one_time_url=\(try await pair.mail.token(linkingTo: "/users/create/mfa/", to: email))",
            json: ["password_again": Self.password]
        )
        #expect(created.status == 201)
        let uri = try #require((try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String)
        let authenticator = try #require(try OTPAuthURI(parsing: uri).totp)

        #expect(try await second.post("/users/login/", json: ["email": email]).status == 202)
        let login = try await first.post(
            "/users/login/mfa/?one_time_url=\(try await pair.mail.token(linkingTo: "/users/login/mfa/", to: email))",
            json: ["password": Self.password, "totp_code": authenticator.code(at: Date())]
        )
        #expect(login.status == 200)
        let session = try #require(try login.json["session_token"] as? String)
        #expect(try await second.get("/users/me", bearer: session).status == 200)
        #expect(try await first.post("/users/logout", bearer: session).status == 204)
        #expect(try await second.get("/users/me", bearer: session).status == 401)
        try await pair.stop()
    }

    @Test func twentyConcurrentCompletionsOfOneLinkThroughBothServersGiveExactlyOneAccount() async throws {
        let pair = try await BalancedServers(environment: Self.generous)
        let proxy = Curl(baseURL: pair.baseURL)
        let email = "ada@example.com"
        #expect(try await proxy.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202)
        let path = "/users/create/mfa/?one_time_url=\(try await pair.mail.token(linkingTo: "/users/create/mfa/", to: email))"

        let statuses = try await Self.concurrently(20) { index in
            try await proxy.post(path, json: ["password_again": Self.password], from: "127.0.0.\(10 + index)").status
        }
        #expect(statuses.count { $0 == 201 } == 1, "\(statuses)")
        #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
        #expect(try await TestPostgres.psql(pair.database, "SELECT count(*) FROM account").trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        Self.expectBothServed(pair, path: "/users/create/mfa/")
        try await pair.stop()
    }

    @Test func twentyConcurrentLoginsWithOneTOTPCodeGiveExactlyOneSuccess() async throws {
        let pair = try await BalancedServers(environment: Self.generous)
        let proxy = Curl(baseURL: pair.baseURL)
        let email = "ada@example.com"
        let account = try await HTTP(baseURL: pair.servers[0].baseURL).signUp(email, password: Self.password, outbox: pair.mail)
        let code = account.authenticator.code(at: Date())

        #expect(try await proxy.post("/users/login/", json: ["email": email]).status == 202)
        let link = "/users/login/mfa/?one_time_url=\(try await pair.mail.token(linkingTo: "/users/login/mfa/", to: email))"
        let logins = try await Self.concurrently(20) { index in
            try await proxy.post(link, json: ["password": Self.password, "totp_code": code], from: "127.0.0.\(10 + index)")
        }
        #expect(logins.count { $0.status == 200 } == 1, "\(logins.map(\.status))")
        #expect(logins.allSatisfy { $0.status < 500 })
        Self.expectBothServed(pair, path: "/users/login/mfa/")
        let session = try #require(try logins.first { $0.status == 200 }?.json["session_token"] as? String)

        // The same code through a fresh link, on whichever server: its time step is spent.
        #expect(try await proxy.post("/users/login/", json: ["email": email]).status == 202)
        let again = "/users/login/mfa/?one_time_url=\(try await pair.mail.token(linkingTo: "/users/login/mfa/", to: email))"
        #expect(try await proxy.post(again, json: ["password": Self.password, "totp_code": code]).status == 401)

        // One new code, twenty password changes with it at once, no link involved: one goes through.
        let next = account.authenticator.code(at: Date() + 30)
        let changes = try await Self.concurrently(20) { index in
            try await proxy.post("/users/password/change", json: [
                "current_password": Self.password, "new_password": "another horse battery staple \(index)", "totp_code": next,
            ], from: "127.0.0.\(40 + index)", bearer: session).status
        }
        #expect(changes.count { $0 == 200 } == 1, "\(changes)")
        #expect(changes.allSatisfy { $0 < 500 }, "\(changes)")
        try await pair.stop()
    }

    @Test func theLimitsPerClientAndPerAddressCountRequestsToBothServersTogether() async throws {
        let pair = try await BalancedServers(environment: [
            "MFA_LIMIT_REQUESTS_PER_CLIENT": "6/60", "MFA_LIMIT_LINKS_PER_ADDRESS": "3/900", "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL": "5/3600",
        ])
        let proxy = Curl(baseURL: pair.baseURL)
        // One client, ten addresses: six requests in the minute, wherever they land.
        var perClient: [Int] = []
        for index in 0..<10 {
            perClient.append(try await proxy.post("/users/login/", json: ["email": "user\(index)@example.com"], from: "127.0.0.2").status)
        }
        #expect(perClient == Array(repeating: 202, count: 6) + Array(repeating: 429, count: 4))
        Self.expectBothServed(pair, path: "/users/login/", client: "127.0.0.2")

        // One address: three requests from one client network, five from all of them.
        var perAddress: [Int] = []
        for source in ["127.0.0.3", "127.0.0.3", "127.0.0.3", "127.0.0.3", "127.0.0.4", "127.0.0.4", "127.0.0.4"] {
            perAddress.append(try await proxy.post("/users/login/", json: ["email": "eve@example.com"], from: source).status)
        }
        #expect(perAddress == [202, 202, 202, 429, 202, 202, 429])
        try await pair.stop()
    }

    @Test func everyQueuedMessageIsDeliveredExactlyOnceByTheTwoMailWorkers() async throws {
        let pair = try await BalancedServers(environment: Self.generous)
        let proxy = Curl(baseURL: pair.baseURL)
        let addresses = (0..<40).map { "user\($0)@example.com" }
        let statuses = try await Self.concurrently(addresses.count) { index in
            try await proxy.post("/users/create/", json: ["email": addresses[index], "password": Self.password]).status
        }
        #expect(statuses.allSatisfy { $0 == 202 })

        let deadline = ContinuousClock.now + .seconds(30)
        while pair.mail.messages().count < addresses.count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        // Both workers poll every second: a few more rounds would show a message sent twice.
        try await Task.sleep(for: .seconds(3))
        #expect(pair.mail.messages().count == addresses.count)
        for address in addresses {
            #expect(pair.mail.messages(to: address).count == 1, "\(address)")
        }
        let outbox = try await TestPostgres.psql(pair.database, "SELECT count(*) FILTER (WHERE disposition = 'sent'), count(*) FROM outbox")
        #expect(outbox.trimmingCharacters(in: .whitespacesAndNewlines) == "\(addresses.count)|\(addresses.count)")
        try await pair.stop()
    }

    @Test func killingOneServerMidLoadLosesNoAcknowledgedAccountAndTheOtherKeepsServing() async throws {
        let pair = try await BalancedServers(environment: Self.generous)
        let proxy = Curl(baseURL: pair.baseURL)
        let acknowledged = Mutex<[String]>([])
        let killed = Atomic(false)
        let acknowledgedAfterKill = Atomic(0)

        // Eight clients sign up one address after another; an account the server confirmed (201) is acknowledged.
        let load = Task {
            try await Self.concurrently(8) { client in
                for round in 0..<6 {
                    let email = "c\(client)r\(round)@example.com"
                    guard try await proxy.post("/users/create/", json: ["email": email, "password": Self.password]).status == 202,
                          let token = try? await pair.mail.token(linkingTo: "/users/create/mfa/", to: email)
                    else { continue }
                    let confirmed = try await proxy.post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": Self.password])
                    if confirmed.status == 201 {
                        acknowledged.withLock { $0.append(email) }
                        if killed.load(ordering: .relaxed) { acknowledgedAfterKill.add(1, ordering: .relaxed) }
                    }
                }
            }
        }
        let started = ContinuousClock.now
        while acknowledged.withLock({ $0.count }) < 8 {
            guard ContinuousClock.now - started < .seconds(60) else { throw TestFailure("no account was confirmed under load") }
            try await Task.sleep(for: .milliseconds(20))
        }
        pair.kill(server: 0)
        killed.store(true, ordering: .relaxed)
        _ = try await load.value

        let stored = Set(try await TestPostgres.psql(pair.database, "SELECT email_key FROM account").split(separator: "\n").map(String.init))
        let confirmed = acknowledged.withLock { $0 }
        #expect(Set(confirmed).isSubset(of: stored), "lost: \(Set(confirmed).subtracting(stored))")
        #expect(acknowledgedAfterKill.load(ordering: .relaxed) > 0)
        for _ in 0..<10 {
            #expect(try await proxy.get("/health").status == 200)
        }
        try await pair.stop()
    }

    /// Runs `body` `count` times at once and returns the results in index order.
    static func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for index in 0..<count { group.addTask { (index, try await body(index)) } }
            return try await group.reduce(into: [(Int, T)]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Expects both servers to have logged a request to `path` (from `client`, if given): the proxy spread them.
    static func expectBothServed(_ pair: BalancedServers, path: String, client: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, server) in pair.servers.enumerated() {
            let served = server.log.split(separator: "\n").contains { line in
                line.contains(#""http.path":"\#(path)""#) && (client.map { line.contains(#""client.network":"\#($0)""#) } ?? true)
            }
            #expect(served, "server \(index) served no request to \(path)", sourceLocation: sourceLocation)
        }
    }
}
