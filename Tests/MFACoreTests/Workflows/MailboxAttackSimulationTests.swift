import Foundation
import MFACore
import Testing
import MFACoreTesting

/// Issue 10's bound on guessing, simulated: someone who holds only the
/// victim's mailbox asks for every password-reset link the limits allow and
/// guesses TOTP codes with each, for a year of manual-clock time.
@Suite struct MailboxAttackSimulationTests {
    @Test func aYearOfMailboxOnlyGuessingEvaluatesFewerThan150Codes() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let end = mfa.clock.now() + 365 * 86_400
        var evaluated = 0

        while mfa.clock.now() < end {
            if case .rateLimited(let seconds) = await refusal(of: { () throws(MFAError) in
                try await mfa.service.requestPasswordReset(email: "ada@example.com", from: .testClient)
            }) {
                mfa.clock.advance(by: TimeInterval(seconds))
                continue
            }
            let token = try await mfa.lastToken(to: "ada@example.com")
            var linkWorks = true
            while linkWorks {
                let guess = try wrongCode(for: enrollment, mfa)
                switch await refusal(of: { () throws(MFAError) in
                    try await mfa.service.confirmPasswordReset(
                        token: token, newPassword: "the attacker's passphrase", secondFactor: .totpCode(guess), from: .testClient
                    )
                }) {
                case .authenticationFailed: evaluated += 1
                case .linkInvalid: linkWorks = false
                case .rateLimited(let seconds):
                    mfa.clock.advance(by: TimeInterval(seconds))
                    linkWorks = false
                case let other:
                    Issue.record("unexpected answer \(String(describing: other))")
                    return
                }
            }
        }

        #expect(evaluated < 150)
        #expect(evaluated == mfa.service.configuration.lockPolicy.ceiling)
        _ = try await mfa.worker.deliverDueMail()
        let notices = mfa.mailer.messages(to: "ada@example.com").filter { $0.subject == "Repeated failed sign-in attempts" }
        #expect(notices.count == 2)
        // The owner still signs in, with a recovery code, and is back to normal.
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let login = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]),
            from: .testClient
        )
        #expect(login.recoveryCodesRemaining == 9)
    }

    /// The error `body` throws, `nil` when it succeeds.
    private func refusal(of body: () async throws(MFAError) -> Void) async -> MFAError? {
        do { try await body(); return nil } catch { return error }
    }

    /// A code of the right shape that no step the service accepts now produces,
    /// so the simulation never guesses right by chance.
    private func wrongCode(for enrollment: Enrollment, _ mfa: Harness) throws -> String {
        let accepted = Set(try (-1...1).map { try mfa.code(for: enrollment, offsetSteps: $0) })
        var candidate = 0
        while accepted.contains(String(format: "%06d", candidate)) { candidate += 1 }
        return String(format: "%06d", candidate)
    }
}
