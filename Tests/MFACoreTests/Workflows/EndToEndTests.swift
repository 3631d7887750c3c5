import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct EndToEndTests {
    @Test func theWholeStoryOnTheInMemoryStore() async throws {
        // Six link requests for one address within minutes: more than the default limit allows.
        let mfa = try Harness { $0.linksPerAddress = RateLimit(count: 10, window: 900) }
        let enrollment = try await mfa.createAccount()
        #expect(enrollment.recoveryCodes.count == 10)
        #expect(enrollment.otpauthURI.hasPrefix("otpauth://totp/MFAServer:ada%40example.com?secret=\(enrollment.secret)&issuer=MFAServer"))

        let first = try await mfa.login(enrollment: enrollment)
        #expect(first.lastLogin == nil)
        let firstLoginTime = mfa.clock.now()

        mfa.nextStep()
        let second = try await mfa.login(enrollment: enrollment)
        #expect(second.lastLogin == firstLoginTime)
        #expect(try await mfa.service.authenticate(sessionToken: second.sessionToken).email == "ada@example.com")

        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: Harness.password, from: .testClient)
        mfa.nextStep()
        let renewed = try await mfa.service.confirmNewAuthenticator(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
        #expect(renewed.secret != enrollment.secret)
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: second.sessionToken) }

        mfa.nextStep()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        let third = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: renewed)), from: .testClient
        )
        #expect(third.lastLogin != nil)

        try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: .testClient)
        mfa.nextStep()
        try await mfa.service.confirmDeletion(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .totpCode(mfa.code(for: renewed)), from: .testClient
        )
        #expect(try await mfa.lastMail(to: "ada@example.com").subject == "Your account was deleted")
        #expect(mfa.store.snapshot().accounts.isEmpty)

        let again = try await mfa.createAccount()
        #expect(again.secret != renewed.secret)
    }
}
