import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct NotificationTests {
    @Test func everyEmailOfTheContractIsSentWithItsSubject() async throws {
        let mfa = try Harness { $0.linksPerAddress = RateLimit(count: 10, window: 900) }
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let login = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]),
            from: .testClient
        )
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: Harness.password, from: .testClient)
        let renewed = try await mfa.service.confirmNewAuthenticator(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
        try await mfa.service.requestPasswordReset(email: "ada@example.com", from: .testClient)
        try await mfa.service.confirmPasswordReset(
            token: mfa.lastToken(to: "ada@example.com"), newPassword: "a brand new passphrase", secondFactor: .totpCode(mfa.code(for: renewed)),
            from: .testClient
        )
        try await mfa.service.requestDeletion(email: "ada@example.com", password: "a brand new passphrase", from: .testClient)
        mfa.nextStep()
        try await mfa.service.confirmDeletion(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .totpCode(mfa.code(for: renewed)), from: .testClient
        )
        _ = try await mfa.worker.deliverDueMail()

        #expect(login.recoveryCodesRemaining == 9)
        #expect(mfa.mailer.messages(to: "ada@example.com").map(\.subject) == [
            "Confirm your new account",
            "An account already exists for this address",
            "Your sign-in link",
            "A recovery code was used",
            "Set up a new authenticator",
            "Your authenticator was reset",
            "Reset your password",
            "Your password was changed",
            "Confirm account deletion",
            "Your account was deleted",
        ])
        let paths = mfa.mailer.messages.compactMap { message in
            message.textBody.split(separator: "\n").first { $0.contains("one_time_url=") }.map { $0.components(separatedBy: "?")[0] }
        }
        #expect(paths == [
            "https://auth.example.com/users/create/mfa/",
            "https://auth.example.com/users/login/mfa/",
            "https://auth.example.com/users/mfa/new_totp_code/confirm/",
            "https://auth.example.com/users/password/reset/confirm/",
            "https://auth.example.com/users/delete/mfa/",
        ])
    }
}
