import Foundation
import MFACore
import Testing
import MFACoreTesting

// The worked example of Docs/Library.md, verbatim between the markers.
// BEGIN LIBRARY EXAMPLE
@Test func signUpAndSignInWithoutAServer() async throws {
    let store = InMemoryStore()
    let clock = ManualClock()
    let mailer = RecordingMailTransport()
    let mfa = try MFAService(
        configuration: MFAConfiguration(publicURL: "https://auth.example.com"),
        store: store,
        keys: SecretKey.generate(),
        links: TestLinkBuilder(),  // production: your LinkBuilder, placing links on your pages
        // Tiny Argon2id parameters keep tests fast; production uses the default.
        passwordHasher: PHCPasswordHasher.fastForTesting,
        clock: clock
    )
    let outbox = MailDeliveryWorker(service: mfa, transport: mailer)
    // Limits count per client network, and security events name it: pass the network each request comes from.
    let client = try #require(ClientNetwork(ipAddress: "192.0.2.7"))

    // Sign up: the link travels by email.
    try await mfa.requestAccountCreation(email: "ada@example.com", password: "correct horse battery staple", from: client)
    _ = try await outbox.deliverDueMail()
    let signUpLink = try #require(mailer.messages.last?.oneTimeToken)
    let enrollment = try await mfa.confirmAccountCreation(token: signUpLink, passwordAgain: "correct horse battery staple", from: client)

    // The user's authenticator app reads the otpauth URI and computes codes.
    let app = try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp)

    // Sign in: link, then password and TOTP code.
    try await mfa.requestLogin(email: "ada@example.com", from: client)
    _ = try await outbox.deliverDueMail()
    let signInLink = try #require(mailer.messages.last?.oneTimeToken)
    let login = try await mfa.completeLogin(
        token: signInLink,
        password: "correct horse battery staple",
        secondFactor: .totpCode(app.code(at: clock.now())),
        from: client
    )
    #expect(login.lastLogin == nil)
    #expect(try await mfa.authenticate(sessionToken: login.sessionToken).email == "ada@example.com")

    // Links expire: move the clock instead of sleeping.
    try await mfa.requestLogin(email: "ada@example.com", from: client)
    _ = try await outbox.deliverDueMail()
    let lateLink = try #require(mailer.messages.last?.oneTimeToken)
    clock.advance(by: 601)
    await #expect(throws: MFAError.linkInvalid) {
        try await mfa.completeLogin(
            token: lateLink, password: "correct horse battery staple", secondFactor: .totpCode(app.code(at: clock.now())), from: client
        )
    }
}
// END LIBRARY EXAMPLE

@Test func theLibraryGuideShowsTheTestedExample() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let guide = try String(contentsOf: root.appendingPathComponent("Docs/Library.md"), encoding: .utf8)
    let begin = try #require(test.range(of: "// BEGIN LIBRARY EXAMPLE\n"))
    let end = try #require(test.range(of: "// END LIBRARY EXAMPLE"))
    #expect(guide.contains(String(test[begin.upperBound..<end.lowerBound])))
}
