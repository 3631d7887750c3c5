import Foundation
import Testing

/// The public listener against clients an attacker controls, on the real binary.
@Suite(.serialized) struct EdgeLiveTests {
    @Test func metricsAreServedOnTheirOwnListenerAndNotOnThePublicOne() async throws {
        let server = try await LiveServer()
        let http = HTTP(baseURL: server.baseURL)
        #expect(try await http.post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
        #expect(try await http.get("/metrics").status == 404)
        let metrics = try await HTTP(baseURL: try await server.metricsURL()).get("/metrics")
        #expect(metrics.status == 200)
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("mfa_emails_queued_total"))
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func theMetricsListenerCanBeTurnedOff() async throws {
        let server = try await LiveServer(environment: ["MFA_METRICS_ADDRESS": "off"])
        #expect(try await HTTP(baseURL: server.baseURL).get("/health").status == 200)
        #expect(!server.log.contains("Metrics listening"))
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    /// 1,000 connections that send nothing and 50 that send a header byte a
    /// second: `/health` and `POST /users/login/` keep answering in their usual
    /// time, the request deadline (two seconds here) closes the slow ones before
    /// the idle timeout (four) could, and the idle timeout closes the silent ones.
    @Test func idleAndSlowlorisConnectionsNeitherStarveTheServerNorStayOpen() async throws {
        RawConnection.raiseOpenFileLimit()
        let server = try await LiveServer(environment: ["MFA_IDLE_TIMEOUT_SECONDS": "4", "MFA_REQUEST_TIMEOUT_SECONDS": "2"])
        let http = HTTP(baseURL: server.baseURL)
        let port = try #require(URL(string: server.baseURL)?.port)
        let before = try await Self.healthTimes(http, count: 100)

        let idle = try (0..<1000).map { _ in try RawConnection(port: port) }
        let slow = try (0..<50).map { _ in try RawConnection(port: port) }
        let request = Array("POST /users/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + String(repeating: "a", count: 64))
        let trickle = Task {
            // One byte a second from each slow client; after three seconds the
            // request deadline has passed, the idle timeout not yet.
            var closedByDeadline = false
            for index in 0..<6 {
                if index == 3 { closedByDeadline = slow.allSatisfy(\.isClosedByServer) }
                for connection in slow { connection.send(String(request[index])) }
                try await Task.sleep(for: .seconds(1))
            }
            return closedByDeadline
        }
        let during = try await Self.healthTimes(http, count: 300)
        #expect(try await http.post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
        let slowClosedByDeadline = try await trickle.value

        let p99Before = Self.percentile(before, 0.99)
        let p99During = Self.percentile(during, 0.99)
        print("/health p99 before: \(p99Before.formatted) ms, during 1,000 idle + 50 slowloris connections: \(p99During.formatted) ms")
        // "Usual time": within a quarter of a second of the calm p99, whatever the machine's load.
        #expect(p99During < p99Before + 250)
        #expect(slowClosedByDeadline, "a slowloris connection outlived the request deadline")
        let idleClosed = idle.allSatisfy(\.isClosedByServer)
        #expect(idleClosed, "an idle connection outlived the idle timeout")
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    /// The answer times of `count` `GET /health`, in milliseconds; each must be 200.
    private static func healthTimes(_ http: HTTP, count: Int) async throws -> [Double] {
        var times: [Double] = []
        for _ in 0..<count {
            let start = ContinuousClock.now
            let status = try await http.get("/health").status
            let elapsed = ContinuousClock.now - start
            #expect(status == 200)
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        return times
    }

    private static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

private extension Double {
    var formatted: String { String(format: "%.1f", self) }
}
