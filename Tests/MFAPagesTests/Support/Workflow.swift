import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

/// A real MFACore service on the in-memory store, so that the pages are tested
/// with the enrolments and logins the server will hand them.
struct Workflow {
    let clock = ManualClock()
    let mailer = RecordingMailTransport()
    let service: MFAService
    let worker: MailDeliveryWorker

    static let password = "correct horse battery staple"

    init(issuer: String = "MFAServer") throws {
        service = try MFAService(
            configuration: MFAConfiguration(publicURL: "https://auth.example.com", issuer: issuer),
            store: InMemoryStore(),
            keys: SecretKey.generate(), links: TestLinkBuilder(),
            // Real Argon2id with tiny parameters keeps debug-build tests fast.
            passwordHasher: PHCPasswordHasher.fastForTesting,
            clock: clock
        )
        worker = MailDeliveryWorker(service: service, transport: mailer)
    }

    /// Delivers the outbox and returns the token of the newest link to `email`.
    func lastToken(to email: String) async throws -> String {
        _ = try await worker.deliverDueMail()
        return try #require(mailer.messages(to: email).last?.oneTimeToken)
    }

    /// Registers and confirms an account, returning what the "Account created" page shows.
    func createAccount(_ email: String) async throws -> Enrollment {
        try await service.requestAccountCreation(email: email, password: Self.password, from: .testClient)
        return try await service.confirmAccountCreation(token: lastToken(to: email), passwordAgain: Self.password, from: .testClient)
    }

    /// Signs in through a link with the app's current code, or with `recoveryCode`.
    func login(_ email: String, enrollment: Enrollment, recoveryCode: String? = nil) async throws -> LoginResult {
        try await service.requestLogin(email: email, from: .testClient)
        let app = try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp)
        let factor = recoveryCode.map(SecondFactor.recoveryCode) ?? .totpCode(app.code(at: clock.now()))
        return try await service.completeLogin(token: lastToken(to: email), password: Self.password, secondFactor: factor, from: .testClient)
    }
}
