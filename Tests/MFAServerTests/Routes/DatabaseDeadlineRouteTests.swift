import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MFACore
import MFACoreTesting
import MFAPostgres
import MFATestSupport
@testable import MFAServerKit
import Testing

/// A request whose database cannot be reached is answered 503 within the
/// database deadline (`MFA_DATABASE_TIMEOUT_SECONDS`), instead of waiting on
/// postgres-nio's connection back-off.
@Suite(.timeLimit(.minutes(3))) struct DatabaseDeadlineRouteTests {
    @Test func aRequestWhoseDatabaseCannotBeReachedIsAnswered503WithinTheDeadline() async throws {
        let port = try LocalPorts.free()
        let store = PostgresStore(
            location: try PostgresDatabaseURL("postgres://mfa@127.0.0.1:\(port)/mfa?sslmode=disable"), deadline: .seconds(1),
            logger: Logger(label: "test")
        )
        let service = try MFAService(
            configuration: MFAConfiguration(publicURL: "https://auth.example.com"), store: store,
            keys: SecretKey.generate(), links: ServerLinks(), passwordHasher: PHCPasswordHasher.fastForTesting
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await Application(router: MFARouter.build(service: service)).test(.router) { client in
                for (method, uri, body) in [(HTTPRequest.Method.post, "/users/login/", #"{"email": "ada@example.com"}"#), (.get, "/health", "")] {
                    let start = ContinuousClock.now
                    let response = try await client.executeRequest(
                        uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
                    )
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    // Without the deadline no answer would come: the pool retries connecting for ever.
                    // The bound allows for a test run that keeps this process's threads busy; the
                    // deadline itself is measured from outside, by curl (PostgresLiveTests).
                    #expect(ContinuousClock.now - start < .seconds(60), "\(uri)")
                }
            }
        }
    }
}
