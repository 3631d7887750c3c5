import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

@Suite struct LinkRuleTests {
    @Test func aLinkIsA43CharacterBase64URLTokenStoredOnlyAsItsHash() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let links = mfa.store.snapshot().links
        #expect(links.map(\.tokenHash) == [OpaqueToken(value: token).hash])
    }

    @Test func aLinkWorksOnce() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        _ = try await mfa.service.confirmAccountCreation(token: token, passwordAgain: Harness.password, from: .testClient)
        await expect(.linkInvalid) { try await mfa.service.confirmAccountCreation(token: token, passwordAgain: Harness.password, from: .testClient) }
    }

    @Test func aLinkExpiresAfterItsLifetime() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        mfa.clock.advance(by: 600)
        await expect(.linkInvalid) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        await expect(.linkInvalid) { try await mfa.service.checkLink(token: token, purpose: .login) }
    }

    @Test func aLinkServesOnlyItsPurpose() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: .testClient)
        let deletionToken = try await mfa.lastToken(to: "ada@example.com")
        await expect(.linkInvalid) {
            try await mfa.service.completeLogin(
                token: deletionToken, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        await expect(.linkInvalid) {
            try await mfa.service.confirmNewAuthenticator(token: deletionToken, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient)
        }
        await expect(.linkInvalid) { try await mfa.service.checkLink(token: deletionToken, purpose: .login) }
        try await mfa.service.checkLink(token: deletionToken, purpose: .deleteAccount)
        try await mfa.service.confirmDeletion(token: deletionToken, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient)
    }

    @Test func aNewerLinkReplacesTheOlderOfTheSamePurpose() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let older = try await mfa.lastToken(to: "ada@example.com")
        try await mfa.service.requestPasswordReset(email: "ada@example.com", from: .testClient)
        let reset = try await mfa.lastToken(to: "ada@example.com")
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let newer = try await mfa.lastToken(to: "ada@example.com")
        await expect(.linkInvalid) { try await mfa.service.checkLink(token: older, purpose: .login) }
        try await mfa.service.checkLink(token: reset, purpose: .passwordReset)
        _ = try await mfa.service.completeLogin(
            token: newer, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
    }

    @Test func aSecondRegistrationReplacesThePendingOne() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let older = try await mfa.lastToken(to: "ada@example.com")
        try await mfa.service.requestAccountCreation(email: "ADA@example.com", password: "another good passphrase", from: .testClient)
        let newer = try await mfa.lastToken(to: "ada@example.com")
        await expect(.linkInvalid) { try await mfa.service.confirmAccountCreation(token: older, passwordAgain: Harness.password, from: .testClient) }
        let enrollment = try await mfa.service.confirmAccountCreation(token: newer, passwordAgain: "another good passphrase", from: .testClient)
        #expect(enrollment.email == "ADA@example.com")
    }

    @Test func fiveFailedAttemptsBurnALink() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 1...5 {
            await expect(.authenticationFailed) { try await mfa.service.confirmAccountCreation(
                token: token, passwordAgain: "not the password", from: .testClient
            ) }
        }
        await expect(.linkInvalid) { try await mfa.service.confirmAccountCreation(token: token, passwordAgain: Harness.password, from: .testClient) }
        await expect(.linkInvalid) { try await mfa.service.checkLink(token: token, purpose: .createAccount) }
    }

    @Test func checkingALinkConsumesNothing() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 1...10 { try await mfa.service.checkLink(token: token, purpose: .createAccount) }
        _ = try await mfa.service.confirmAccountCreation(token: token, passwordAgain: Harness.password, from: .testClient)
    }

    @Test func emailedLinksPointAtThePublicURL() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        let mail = try await mfa.lastMail(to: "ada@example.com")
        #expect(mail.subject == "Confirm your new account")
        let token = try #require(mail.oneTimeToken)
        #expect(mail.textBody.split(separator: "\n").contains("https://auth.example.com/users/create/mfa/?one_time_url=\(token)"))
    }
}
