import Foundation
import MFATestSupport
import Testing

/// The real server counts limits by the peer's network: requests sent over
/// loopback from 127.0.0.1, 127.0.0.2 and 127.0.0.3 (every 127/8 address is
/// local on Linux) come from three clients. curl binds the source address.
@Suite(.serialized) struct ClientNetworkLiveTests {
    @Test func eachClientNetworkHasItsOwnLinkBudgetForAnAddressUpToTheTotal() async throws {
        let server = try await LiveServer(environment: [
            "MFA_LIMIT_LINKS_PER_ADDRESS": "2/900", "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL": "3/3600",
        ])
        let client = try LoopbackClient(baseURL: server.baseURL)
        for _ in 1...2 { #expect(try client.requestLogin("ada@example.com", from: "127.0.0.2") == 202) }
        #expect(try client.requestLogin("ada@example.com", from: "127.0.0.2") == 429)
        // The owner's own network still gets its link...
        #expect(try client.requestLogin("ada@example.com", from: "127.0.0.1") == 202)
        // ...up to the address's total from all networks.
        #expect(try client.requestLogin("ada@example.com", from: "127.0.0.1") == 429)
        #expect(try client.requestLogin("ada@example.com", from: "127.0.0.3") == 429)
        #expect(try client.requestLogin("bob@example.com", from: "127.0.0.3") == 202)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func eachClientNetworkHasItsOwnRequestBudget() async throws {
        let server = try await LiveServer(environment: ["MFA_LIMIT_REQUESTS_PER_CLIENT": "2/60"])
        let client = try LoopbackClient(baseURL: server.baseURL)
        #expect(try client.requestLogin("a1@example.com", from: "127.0.0.2") == 202)
        #expect(try client.requestLogin("a2@example.com", from: "127.0.0.2") == 202)
        #expect(try client.requestLogin("a3@example.com", from: "127.0.0.2") == 429)
        #expect(try client.requestLogin("a4@example.com", from: "127.0.0.1") == 202)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }
}

/// Sends requests with curl from a chosen loopback source address.
private struct LoopbackClient {
    let baseURL: String
    let curl: ExternalTool

    init(baseURL: String) throws {
        self.baseURL = baseURL
        curl = try .onPath("curl", installation: "apt-get install curl")
    }

    /// `POST /users/login/` for `email` from `source`; returns the status code.
    func requestLogin(_ email: String, from source: String) throws -> Int {
        let status = try curl.run(
            [
                "--silent", "--show-error", "--interface", source, "--output", "/dev/null", "--write-out", "%{http_code}",
                "--header", "Content-Type: application/json", "--data-binary", "@-", baseURL + "/users/login/",
            ],
            input: #"{"email": "\#(email)"}"#
        )
        return Int(status) ?? 0
    }
}
