import Foundation
import MFACore
import Testing
import MFACoreTesting
import MFATestSupport

/// Issue 10: failures are counted once, atomically, and only for wrong
/// credentials; locks escalate; TOTP stops at the ceiling; the owner is told.
@Suite struct FailureLimitTests {
    static let wrong = "a wrong password"

    /// Fails `times` password changes with a wrong password: failures that spend no link.
    func failChanges(_ mfa: Harness, session: LoginResult, enrollment: Enrollment, times: Int) async throws {
        for _ in 0..<times {
            await expect(.authenticationFailed) {
                try await mfa.service.changePassword(
                    sessionToken: session.sessionToken, currentPassword: Self.wrong, newPassword: "a brand new passphrase",
                    secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
                )
            }
        }
    }

    func failures(_ mfa: Harness) -> Int { mfa.store.snapshot().accounts.first?.consecutiveFailures ?? -1 }

    func attempts(_ mfa: Harness, token: String) -> Int? {
        mfa.store.snapshot().links.first { $0.tokenHash == OpaqueToken.hash(of: token) }?.attempts
    }

    @Test func aRequestRefusedForALockSpendsNoLinkAttempt() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: enrollment)
        try await failChanges(mfa, session: session, enrollment: enrollment, times: 10)
        // The lock (900 s) outlasts a link (600 s): ask for the link while it runs.
        mfa.clock.advance(by: 400)
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 0..<8 {
            await expect(.rateLimited(retryAfterSeconds: 500)) {
                try await mfa.service.completeLogin(
                    token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
                )
            }
        }
        #expect(attempts(mfa, token: token) == 0)
        mfa.clock.advance(by: 500)
        _ = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
    }

    @Test func aRequestRefusedForAnOverloadedHasherSpendsNoLinkAttempt() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        // A second service on the same store whose only hashing place is taken and whose queue holds none.
        var configuration = mfa.service.configuration
        configuration.concurrentPasswordHashes = 1
        configuration.queuedPasswordHashes = 0
        let blocking = BlockingHasher()
        let busy = try MFAService(
            configuration: configuration, store: mfa.store, keys: mfa.keys, links: ContractLinkBuilder(),
            passwordHasher: blocking, clock: mfa.clock
        )
        let holder = Task { try await busy.requestAccountCreation(email: "other@example.com", password: Harness.password, from: .testClient) }
        await blocking.waitUntilRunning()
        await expect(.unavailable) {
            try await busy.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        blocking.release()
        try await holder.value
        #expect(attempts(mfa, token: token) == 0)
        #expect(failures(mfa) == 0)
        _ = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
    }

    @Test func eachLockOfASeriesLastsTwiceTheLastAndASuccessStartsAgain() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: enrollment)
        for lock in [900, 1_800, 3_600] {
            try await failChanges(mfa, session: session, enrollment: enrollment, times: 10)
            await expect(.rateLimited(retryAfterSeconds: lock)) {
                try await mfa.service.changePassword(
                    sessionToken: session.sessionToken, currentPassword: Harness.password, newPassword: "a brand new passphrase",
                    secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
                )
            }
            mfa.clock.advance(by: TimeInterval(lock))
        }
        #expect(failures(mfa) == 30)
        mfa.nextStep()
        _ = try await mfa.login(enrollment: enrollment)
        #expect(failures(mfa) == 0)
        try await failChanges(mfa, session: session, enrollment: enrollment, times: 10)
        #expect(mfa.store.snapshot().accounts.first?.lockedUntil == mfa.clock.now() + 900)
    }

    @Test func atTheCeilingTOTPIsRefusedUntilARecoveryCodeSignsIn() async throws {
        let mfa = try Harness { $0.lockPolicy = LockPolicy(failuresPerLock: 2, firstLock: 60, maxLock: 60, ceiling: 6) }
        let enrollment = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: enrollment)
        for _ in 0..<3 {
            try await failChanges(mfa, session: session, enrollment: enrollment, times: 2)
            mfa.clock.advance(by: 60)
        }
        #expect(failures(mfa) == 6)
        mfa.nextStep()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.rateLimited(retryAfterSeconds: 60)) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        #expect(failures(mfa) == 6)
        #expect(attempts(mfa, token: token) == 0)
        let recovered = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]), from: .testClient
        )
        #expect(recovered.recoveryCodesRemaining == 9)
        #expect(failures(mfa) == 0)
        mfa.nextStep()
        _ = try await mfa.login(enrollment: enrollment)

        _ = try await mfa.worker.deliverDueMail()
        let subjects = mfa.mailer.messages(to: "ada@example.com").map(\.subject)
        #expect(subjects.count { $0 == "Repeated failed sign-in attempts" } == 2)
        let notices = mfa.mailer.messages(to: "ada@example.com").filter { $0.subject == "Repeated failed sign-in attempts" }
        #expect(notices.first?.textBody.contains("locked") == true)
        #expect(notices.last?.textBody.contains("no longer accepted") == true)
    }

    @Test func aCodeWithAnotherNumberOfDigitsIsRefusedAsMalformedAndCountsNothing() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        let malformed = MFAError.invalidFields([.init(field: .totpCode, message: "A code has 6 digits.")])
        for code in ["1234567", "12345678", try mfa.code(for: enrollment) + "0"] {
            await expect(malformed) {
                try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(code), from: .testClient)
            }
        }
        #expect(attempts(mfa, token: token) == 0)
        #expect(failures(mfa) == 0)
    }

    @Test(arguments: [LinkPurpose.newAuthenticator, .deleteAccount])
    func aNewAuthenticatorOrADeletionNeedsTheSecondFactorCountedLikeALogin(purpose: LinkPurpose) async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        func confirm(_ token: String, _ factor: SecondFactor) async throws {
            switch purpose {
            case .newAuthenticator: _ = try await mfa.service.confirmNewAuthenticator(token: token, secondFactor: factor, from: .testClient)
            default: try await mfa.service.confirmDeletion(token: token, secondFactor: factor, from: .testClient)
            }
        }
        switch purpose {
        case .newAuthenticator: try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: Harness.password, from: .testClient)
        default: try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: .testClient)
        }
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) { try await confirm(token, .totpCode("000000")) }
        await expect(.authenticationFailed) { try await confirm(token, .recoveryCode("AAAA-AAAA-AAAA-AAAA")) }
        #expect(attempts(mfa, token: token) == 2)
        #expect(failures(mfa) == 2)
        try await confirm(token, .totpCode(mfa.code(for: enrollment)))
        #expect(mfa.store.snapshot().accounts.isEmpty == (purpose == .deleteAccount))
        #expect(mfa.store.snapshot().accounts.first?.consecutiveFailures ?? 0 == 0)
    }

    @Test func aLinkBurnsAfterFiveWrongFactorsEvenForANewAuthenticator() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: Harness.password, from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 0..<5 {
            await expect(.authenticationFailed) { _ = try await mfa.service.confirmNewAuthenticator(
                token: token, secondFactor: .totpCode("000000"), from: .testClient
            ) }
        }
        await expect(.linkInvalid) {
            _ = try await mfa.service.confirmNewAuthenticator(token: token, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient)
        }
    }

    @Test func fortyParallelWrongCodesGetAtMostTenAuthenticationFailures() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let session = try await mfa.login(enrollment: enrollment)
        let service = mfa.service
        let outcomes = await withTaskGroup(of: MFAError?.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do throws(MFAError) {
                        try await service.changePassword(
                            sessionToken: session.sessionToken, currentPassword: Harness.password,
                            newPassword: "a brand new passphrase", secondFactor: .totpCode(String(format: "%06d", 100_000 + index)), from: .testClient
                        )
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let failed = outcomes.count { $0 == .authenticationFailed }
        let limited = outcomes.count { if case .rateLimited = $0 { true } else { false } }
        #expect(failed <= 10)
        #expect(failed + limited == 40)
        #expect(failures(mfa) == failed)
    }
}
