import Foundation
import Hummingbird
import HummingbirdTesting
import MFACore
import Testing
@testable import MFAServerKit

@Suite struct OperationsRouteTests {
    @Test func healthSaysOK() async throws {
        let server = try TestServer()
        try await server.run { client in
            try expectJSON(try await client.get("/health"), 200, ["status": "ok"])
            try expectJSON(try await client.get("/health/"), 200, ["status": "ok"])
        }
    }

    @Test func metricsCountRequestsLoginsEmailsAndPasswordHashes() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp("metrics@example.com")
            _ = try await client.signIn(account)
            _ = try await client.post("/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))", json: [
                "password": account.password, "totp_code": "000000",
            ])
            _ = try await client.get("/users/unknown")
            // The public listener does not serve the metrics: they tell who has an account.
            #expect(try await client.get("/metrics").status == .notFound)
        }
        let metrics = Application(router: MetricsListener.router(registry: ServerMetrics.registry))
        try await metrics.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            let expected = [
                #"http_requests_total{http_route="/users/create",http_request_method="POST",http_response_status_code="202"}"#,
                #"http_requests_total{http_route="/users/login/mfa",http_request_method="POST",http_response_status_code="401"}"#,
                #"http_requests_total{http_route="NotFound",http_request_method="GET",http_response_status_code="404"}"#,
                #"http_server_request_duration_seconds_count{http_route="/users/create",http_request_method="POST",http_response_status_code="202"}"#,
                #"http_server_active_requests{http_request_method="GET"}"#,
                #"mfa_logins_total{result="succeeded"}"#,
                #"mfa_logins_total{result="failed"}"#,
                "mfa_emails_queued_total",
                #"mfa_email_deliveries_total{outcome="sent"}"#,
                "mfa_password_hash_duration_seconds_bucket",
                "mfa_password_hash_duration_seconds_count",
            ]
            for line in expected {
                #expect(text.contains(line), "missing \(line)")
            }
        }
    }
}
