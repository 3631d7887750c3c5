import Foundation
import MFATestSupport
import Testing

/// The real server behind a proxy: a trusted peer's `X-Forwarded-For` names
/// the client, an untrusted peer's is ignored, and an IPv6 peer is its /64.
@Suite(.serialized) struct ProxyLiveTests {
    @Test func aTrustedProxysForwardedClientsHaveTheirOwnBudgetsAndAnUntrustedPeerCannotChooseOne() async throws {
        let server = try await LiveServer(environment: [
            "MFA_LIMIT_REQUESTS_PER_CLIENT": "2/60", "MFA_TRUSTED_PROXIES": "127.0.0.1/32",
        ])
        let client = try ForwardingClient(baseURL: server.baseURL)
        // Through the trusted proxy at 127.0.0.1: one budget per forwarded client.
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "198.51.100.1, 203.0.113.1") == 202)
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "203.0.113.1") == 202)
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "203.0.113.1") == 429)
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "203.0.113.2") == 202)
        #expect(server.log.contains(#""client.network":"203.0.113.2""#))
        #expect(server.log.contains(#""http.scheme":"https""#))
        // 127.0.0.2 is no trusted proxy: its header is ignored and it has one budget, whatever it claims.
        #expect(try client.requestLogin(from: "127.0.0.2", forwardedFor: "203.0.113.3") == 202)
        #expect(try client.requestLogin(from: "127.0.0.2", forwardedFor: "203.0.113.4") == 202)
        #expect(try client.requestLogin(from: "127.0.0.2", forwardedFor: "203.0.113.5") == 429)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func withoutTrustedProxiesAForwardedForHeaderChangesNothing() async throws {
        let server = try await LiveServer(environment: ["MFA_LIMIT_REQUESTS_PER_CLIENT": "1/60"])
        let client = try ForwardingClient(baseURL: server.baseURL)
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "203.0.113.1") == 202)
        #expect(try client.requestLogin(from: "127.0.0.1", forwardedFor: "203.0.113.2") == 429)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func anIPv6PeerIsCountedByItsNetwork() async throws {
        let server = try await LiveServer(environment: ["MFA_HOST": "::1", "MFA_LIMIT_REQUESTS_PER_CLIENT": "2/60"])
        let client = try ForwardingClient(baseURL: server.baseURL)
        #expect(try client.requestLogin(from: "::1", forwardedFor: nil) == 202)
        #expect(try client.requestLogin(from: "::1", forwardedFor: nil) == 202)
        #expect(try client.requestLogin(from: "::1", forwardedFor: nil) == 429)
        #expect(server.log.contains(#""client.network":"0:0:0:0::/64""#))
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }
}

/// Sends `POST /users/login/` with curl from a chosen loopback source address, with a forwarding header.
private struct ForwardingClient {
    let baseURL: String
    let curl: ExternalTool

    init(baseURL: String) throws {
        self.baseURL = baseURL
        curl = try .onPath("curl", installation: "apt-get install curl")
    }

    /// Returns the status code.
    func requestLogin(from source: String, forwardedFor: String?) throws -> Int {
        var arguments = [
            "--silent", "--show-error", "--globoff", "--interface", source, "--output", "/dev/null", "--write-out", "%{http_code}",
            "--header", "Content-Type: application/json", "--data-binary", "@-",
        ]
        if let forwardedFor { arguments += ["--header", "X-Forwarded-For: \(forwardedFor)", "--header", "X-Forwarded-Proto: https"] }
        let status = try curl.run(arguments + [baseURL + "/users/login/"], input: #"{"email": "ada@example.com"}"#)
        return Int(status) ?? 0
    }
}
