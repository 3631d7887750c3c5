import Foundation
import MFACore
import MFACoreTesting
import MFATestSupport
import Testing

/// `resetAuthenticator(email:)` and its link: a new authenticator without the
/// old factor, for an owner whom an operator identified out of band.
@Suite struct OperatorResetTests {
    static let email = "ada@example.com"

    /// A harness whose accounts lock after three failures, so that a test can lock one quickly.
    static func harness() throws -> Harness {
        try Harness { $0.lockPolicy = LockPolicy(failuresPerLock: 3, firstLock: 900, maxLock: 3_600, ceiling: 6) }
    }

    @Test func theLinkReplacesTheAuthenticatorWithoutTheOldFactorEvenOnALockedAccount() async throws {
        let mfa = try Self.harness()
        let old = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: old).sessionToken
        try await mfa.service.requestLogin(email: Self.email, from: .testClient)
        let loginToken = try await mfa.lastToken(to: Self.email)
        for _ in 0..<3 {
            await expect(.authenticationFailed) {
                try await mfa.service.completeLogin(token: loginToken, password: Harness.password, secondFactor: .totpCode("000000"), from: .testClient)
            }
        }
        #expect(mfa.store.snapshot().accounts.first?.lockedUntil != nil)

        let reset = try #require(try await mfa.service.resetAuthenticator(email: Self.email))
        #expect(reset.revoked == 1)
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: session) }
        let mail = try await mfa.lastMail(to: Self.email)
        #expect(mail.subject == "An operator is resetting your authenticator")
        #expect(mail.textBody.contains("https://auth.example.com/users/mfa/reset/confirm/?one_time_url="))
        #expect(mail.textBody.contains("If you did not ask for this, do not open the link, and contact the operator"))
        let token = try #require(mail.oneTimeToken)

        // Looking at the link, as its page does, consumes nothing.
        for _ in 0..<3 { try await mfa.service.checkLink(token: token, purpose: .authenticatorResetByOperator) }
        let renewed = try await mfa.service.confirmAuthenticatorReset(token: token, from: .testClient)

        let account = try #require(mfa.store.snapshot().accounts.first)
        #expect(account.consecutiveFailures == 0 && account.lockedUntil == nil)
        #expect(try await mfa.lastMail(to: Self.email).subject == "Your authenticator was reset")
        #expect(renewed.secret != old.secret && Set(renewed.recoveryCodes).isDisjoint(with: old.recoveryCodes))
        await expect(.linkInvalid) { try await mfa.service.confirmAuthenticatorReset(token: token, from: .testClient) }

        // The old secret and codes fail; the new secret signs in.
        mfa.nextStep()
        try await mfa.service.requestLogin(email: Self.email, from: .testClient)
        let signIn = try await mfa.lastToken(to: Self.email)
        for factor in [SecondFactor.totpCode(try mfa.code(for: old)), .recoveryCode(old.recoveryCodes[1])] {
            await expect(.authenticationFailed) {
                try await mfa.service.completeLogin(token: signIn, password: Harness.password, secondFactor: factor, from: .testClient)
            }
        }
        let login = try await mfa.service.completeLogin(token: signIn, password: Harness.password, secondFactor: .totpCode(mfa.code(for: renewed)), from: .testClient)
        #expect(try await mfa.service.authenticate(sessionToken: login.sessionToken).email == Self.email)
    }

    @Test func theOwnersOwnLinkNeverSkipsTheSecondFactorNorServesTheOperatorsRoute() async throws {
        let mfa = try Self.harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestNewAuthenticator(email: Self.email, password: Harness.password, from: .testClient)
        let owners = try await mfa.lastToken(to: Self.email)
        await expect(.linkInvalid) { try await mfa.service.confirmAuthenticatorReset(token: owners, from: .testClient) }
        await expect(.linkInvalid) { try await mfa.service.checkLink(token: owners, purpose: .authenticatorResetByOperator) }

        _ = try await mfa.service.resetAuthenticator(email: Self.email)
        let operators = try await mfa.lastToken(to: Self.email)
        await expect(.linkInvalid) {
            try await mfa.service.confirmNewAuthenticator(token: operators, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient)
        }
        // Neither refusal spent anything: both links still work for their own purpose.
        _ = try await mfa.service.confirmNewAuthenticator(token: owners, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient)
        _ = try await mfa.service.confirmAuthenticatorReset(token: operators, from: .testClient)
    }

    @Test func anUnknownAddressGetsNothingAndNoMail() async throws {
        let mfa = try Self.harness()
        #expect(try await mfa.service.resetAuthenticator(email: "nobody@example.com")?.accountID == nil)
        _ = try await mfa.worker.deliverDueMail()
        #expect(mfa.mailer.messages.isEmpty)
    }
}
