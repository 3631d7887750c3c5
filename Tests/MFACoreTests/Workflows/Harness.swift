import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

/// A service on the in-memory store with a manual clock, a recording mailer
/// and a recording event observer: the setup `Docs/Library.md` recommends to embedders.
struct Harness {
    let store = InMemoryStore()
    let clock = ManualClock()
    let mailer = RecordingMailTransport()
    let events = RecordingEventObserver()
    let keys: any KeyRingSource
    let service: MFAService
    let worker: MailDeliveryWorker

    static let password = "correct horse battery staple"

    init(keys: any KeyRingSource = SecretKey.generate(), _ configure: (inout MFAConfiguration) -> Void = { _ in }) throws {
        self.keys = keys
        var configuration = MFAConfiguration(publicURL: "https://auth.example.com", issuer: "MFAServer")
        configure(&configuration)
        service = try MFAService(
            configuration: configuration, store: store, keys: keys, links: ContractLinkBuilder(),
            passwordHasher: Self.fastHasher, clock: clock, observer: events
        )
        worker = MailDeliveryWorker(service: service, transport: mailer)
    }

    /// Real Argon2id with tiny parameters, so tests stay fast in debug builds.
    static let fastHasher = PHCPasswordHasher.fastForTesting

    /// Delivers the outbox and returns the newest message to `address`.
    func lastMail(to address: String) async throws -> MailMessage {
        _ = try await worker.deliverDueMail()
        return try #require(mailer.messages(to: address).last)
    }

    /// Delivers the outbox and returns the token of the newest link to `address`.
    func lastToken(to address: String) async throws -> String {
        try #require(try await lastMail(to: address).oneTimeToken)
    }

    /// Registers and confirms an account.
    @discardableResult
    func createAccount(_ email: String = "ada@example.com", password: String = Harness.password) async throws -> Enrollment {
        try await service.requestAccountCreation(email: email, password: password, fullName: "Ada Lovelace", from: .testClient)
        return try await service.confirmAccountCreation(token: lastToken(to: email), passwordAgain: password, from: .testClient)
    }

    /// The current TOTP code of an enrolment, from its otpauth URI as an app would read it.
    func code(for enrollment: Enrollment, offsetSteps: Int = 0) throws -> String {
        let totp = try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp)
        return totp.code(at: clock.now() + TimeInterval(offsetSteps * totp.period))
    }

    /// Requests a login link and completes it with a fresh TOTP code.
    @discardableResult
    func login(_ email: String = "ada@example.com", enrollment: Enrollment, password: String = Harness.password) async throws -> LoginResult {
        try await service.requestLogin(email: email, from: .testClient)
        let token = try await lastToken(to: email)
        return try await service.completeLogin(token: token, password: password, secondFactor: .totpCode(code(for: enrollment)), from: .testClient)
    }

    /// Moves past the current TOTP step, so that a fresh code is accepted.
    func nextStep() { clock.advance(by: 30) }
}

/// Expects `body` to throw exactly `error`.
func expect<T>(_ error: MFAError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async {
    do {
        _ = try await body()
        Issue.record("expected \(error), got success", sourceLocation: sourceLocation)
    } catch let thrown as MFAError {
        #expect(thrown == error, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(error), got \(error)", sourceLocation: sourceLocation)
    }
}
