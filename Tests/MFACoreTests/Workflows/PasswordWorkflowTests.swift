import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

@Suite struct PasswordWorkflowTests {
    @Test func aResetNeedsTheSecondFactorAndRevokesEverySession() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: enrollment)
        try await mfa.service.requestPasswordReset(email: "ada@example.com", from: .testClient)
        let resetMail = try await mfa.lastMail(to: "ada@example.com")
        #expect(resetMail.subject == "Reset your password")
        let token = try #require(resetMail.oneTimeToken)
        await expect(.authenticationFailed) {
            try await mfa.service.confirmPasswordReset(
                token: token, newPassword: "a brand new passphrase", secondFactor: .totpCode("000000"), from: .testClient
            )
        }
        mfa.nextStep()
        try await mfa.service.confirmPasswordReset(
            token: token, newPassword: "a brand new passphrase", secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
        #expect(try await mfa.lastMail(to: "ada@example.com").subject == "Your password was changed")
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: session.sessionToken) }
        await expect(.linkInvalid) {
            try await mfa.service.confirmPasswordReset(
                token: token, newPassword: "yet another passphrase", secondFactor: .totpCode("000000"), from: .testClient
            )
        }
        mfa.nextStep()
        _ = try await mfa.login(enrollment: enrollment, password: "a brand new passphrase")
    }

    @Test func failedResetsCountTowardsTheLock() async throws {
        let mfa = try Harness { $0.lockPolicy.failuresPerLock = 3 }
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestPasswordReset(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 1...3 {
            await expect(.authenticationFailed) {
                try await mfa.service.confirmPasswordReset(
                    token: token, newPassword: "a brand new passphrase", secondFactor: .totpCode("000000"), from: .testClient
                )
            }
        }
        await expect(.rateLimited(retryAfterSeconds: 900)) {
            try await mfa.service.confirmPasswordReset(
                token: token, newPassword: "a brand new passphrase", secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
    }

    @Test func aChangeKeepsTheCurrentSessionAndRevokesTheOthers() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let other = try await mfa.login(enrollment: enrollment)
        mfa.nextStep()
        let current = try await mfa.login(enrollment: enrollment)
        mfa.nextStep()
        await expect(.authenticationFailed) {
            try await mfa.service.changePassword(
                sessionToken: current.sessionToken, currentPassword: "not my password", newPassword: "a brand new passphrase",
                secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        try await mfa.service.changePassword(
            sessionToken: current.sessionToken, currentPassword: Harness.password, newPassword: "a brand new passphrase",
            secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
        _ = try await mfa.service.authenticate(sessionToken: current.sessionToken)
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: other.sessionToken) }
        #expect(try await mfa.lastMail(to: "ada@example.com").subject == "Your password was changed")
        await expect(.unauthorized) {
            try await mfa.service.changePassword(
                sessionToken: other.sessionToken, currentPassword: "a brand new passphrase", newPassword: "whatever passphrase", secondFactor: .totpCode("123456"),
                from: .testClient
            )
        }
    }

    @Test func newPasswordsFollowThePolicy() async throws {
        let mfa = try Harness()
        let tooShort = MFAError.invalidFields([.init(field: .password, message: "A password has 8 to 128 characters.")])
        await expect(tooShort) { try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "short", from: .testClient) }
        await expect(.invalidFields([.init(field: .password, message: "This password is too common. Choose one that is harder to guess.")])) {
            try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "Password123", from: .testClient)
        }
        await expect(tooShort) { try await mfa.service.requestAccountCreation(email: "ada@example.com", password: String(repeating: "x", count: 129), from: .testClient) }
        // 128 characters after NFKC: the ligature "ﬁ" becomes two characters.
        await expect(tooShort) {
            try await mfa.service.requestAccountCreation(email: "ada@example.com", password: String(repeating: "ﬁ", count: 65), from: .testClient)
        }
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: String(repeating: "ﬁ", count: 64), from: .testClient)
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "密码很长而且不常见", from: .testClient)
        #expect(mfa.store.snapshot().pendingRegistrations.count == 1)
    }

    @Test func aPasswordIsCheckedInItsNormalisedForm() async throws {
        let mfa = try Harness()
        // U+212B ANGSTROM SIGN and U+00C5 are the same letter after NFKC.
        _ = try await mfa.createAccount(password: "\u{212B}ngstrom units")
        try await mfa.service.requestDeletion(email: "ada@example.com", password: "\u{00C5}ngstrom units", from: .testClient)
        #expect(try await mfa.lastMail(to: "ada@example.com").subject == "Confirm account deletion")
    }
}
