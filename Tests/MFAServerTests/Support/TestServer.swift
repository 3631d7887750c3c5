import Foundation
import Hummingbird
import HummingbirdTesting
import MFACore
@testable import MFAServerKit
import MFACoreTesting
import MFATestSupport

/// `mfa-server`'s router on an in-memory store, a manual clock and a recording
/// mailer, driven in process through HummingbirdTesting.
struct TestServer: Sendable {
    static let password = "correct horse battery staple"

    let service: MFAService
    let clock = ManualClock()
    let mailer = RecordingMailTransport()
    let worker: MailDeliveryWorker
    /// The store, which a test can take down.
    let store = FlakyStore()
    /// The security log, as JSON lines.
    let securityLog = CapturedLog()

    /// A server whose limits are too generous to interfere, unless `configure` says otherwise.
    init(configure: (inout MFAConfiguration) -> Void = { _ in }) throws {
        var configuration = MFAConfiguration(publicURL: "https://auth.example.com")
        configuration.requestsPerClient = RateLimit(count: 10_000, window: 60)
        configuration.linksPerAddress = RateLimit(count: 10_000, window: 900)
        configuration.linksPerAddressTotal = RateLimit(count: 10_000, window: 3_600)
        configure(&configuration)
        service = try MFAService(
            configuration: configuration,
            store: store,
            keys: SecretKey.generate(), links: ServerLinks(),
            // Tiny Argon2id parameters keep the tests fast.
            passwordHasher: PHCPasswordHasher.fastForTesting,
            clock: clock,
            observer: MFAEventObservers([MetricsEventObserver(), SecurityEventLog(logger: securityLog.logger())])
        )
        worker = MailDeliveryWorker(service: service, transport: mailer)
    }

    var routes: [Route] { MFARouter.routes(service: service) }

    /// Runs `test` against the router.
    func run(_ test: @escaping @Sendable (Client) async throws -> Void) async throws {
        let application = Application(router: MFARouter.build(service: service))
        try await application.test(.router) { client in
            try await test(Client(server: self, client: client))
        }
    }

    /// Sends the queued mail and returns every message sent so far.
    func sentMail() async throws -> [MailMessage] {
        _ = try await worker.deliverDueMail()
        return mailer.messages
    }

    /// The token of the last link mailed to `address`.
    func lastToken(to address: String) async throws -> String {
        _ = try await worker.deliverDueMail()
        let token = mailer.messages(to: address).last?.oneTimeToken
        guard let token else { throw TestFailure("no link was mailed to \(address)") }
        return token
    }
}

/// A failed precondition of a test, with what was missing.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
