import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

@Suite struct LoginTests {
    @Test func aTimeStepIsAcceptedOncePerAccount() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let code = try mfa.code(for: enrollment)
        _ = try await mfa.login(enrollment: enrollment)
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(code), from: .testClient)
        }
        // An earlier step's code, still inside the drift window, is refused too.
        mfa.nextStep()
        let earlier = try mfa.code(for: enrollment, offsetSteps: -1)
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(earlier), from: .testClient)
        }
        _ = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
        )
    }

    @Test func codesOfTheNeighbouringStepsAreAcceptedForDrift() async throws {
        for offset in [-1, 1] {
            let mfa = try Harness()
            let enrollment = try await mfa.createAccount()
            try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
            let token = try await mfa.lastToken(to: "ada@example.com")
            let code = try mfa.code(for: enrollment, offsetSteps: offset)
            _ = try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(code), from: .testClient)
        }
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment, offsetSteps: 2)), from: .testClient
            )
        }
    }

    @Test func wrongPasswordAndWrongCodeGetTheSameAnswer() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        let right = try mfa.code(for: enrollment)
        let wrong = right == "000000" ? "111111" : "000000"
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(token: token, password: "wrong password!", secondFactor: .totpCode(right), from: .testClient)
        }
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(wrong), from: .testClient)
        }
    }

    @Test func spacesInACodeAreIgnoredAndMalformedCodesAreRefusedUncounted() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        for _ in 1...6 {
            await expect(.invalidFields([.init(field: .totpCode, message: "A code has 6 to 8 digits.")])) {
                try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode("12ab56"), from: .testClient)
            }
        }
        let code = try mfa.code(for: enrollment)
        let spaced = "\(code.prefix(3)) \(code.dropFirst(3))"
        _ = try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(spaced), from: .testClient)
    }

    @Test func tenConsecutiveFailuresLockTheAccountFifteenMinutes() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        for _ in 0..<2 {
            try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
            let token = try await mfa.lastToken(to: "ada@example.com")
            for _ in 1...5 {
                await expect(.authenticationFailed) {
                    try await mfa.service.completeLogin(
                        token: token, password: "wrong password!", secondFactor: .totpCode("000000"), from: .testClient
                    )
                }
            }
        }
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.rateLimited(retryAfterSeconds: 900)) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
        mfa.clock.advance(by: 900)
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        _ = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)),
            from: .testClient
        )
    }

    @Test func aSuccessResetsTheConsecutiveFailures() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        for round in 0..<3 {
            try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
            let token = try await mfa.lastToken(to: "ada@example.com")
            for _ in 1...4 {
                await expect(.authenticationFailed) {
                    try await mfa.service.completeLogin(
                        token: token, password: "wrong password!", secondFactor: .totpCode("000000"), from: .testClient
                    )
                }
            }
            mfa.clock.advance(by: 30 * Double(round + 1))
            _ = try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .totpCode(mfa.code(for: enrollment)), from: .testClient
            )
        }
    }

    @Test func sessionsExpireAndLogoutRevokes() async throws {
        let mfa = try Harness { $0.sessionLifetime = 3600 }
        let enrollment = try await mfa.createAccount()
        let login = try await mfa.login(enrollment: enrollment)
        #expect(login.expiresAt == mfa.clock.now() + 3600)
        #expect(login.sessionToken.count >= 22)
        mfa.nextStep()
        let other = try await mfa.login(enrollment: enrollment)
        try await mfa.service.logout(sessionToken: login.sessionToken, from: .testClient)
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: login.sessionToken) }
        await expect(.unauthorized) { try await mfa.service.logout(sessionToken: login.sessionToken, from: .testClient) }
        _ = try await mfa.service.authenticate(sessionToken: other.sessionToken)
        mfa.clock.advance(by: 3600)
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: other.sessionToken) }
        await expect(.unauthorized) { try await mfa.service.authenticate(sessionToken: "") }
    }

    @Test func aPasswordHashedWithWeakerParametersIsUpgradedAtLogin() async throws {
        let weak = try PHCPasswordHasher(scheme: .argon2id(Argon2id(memoryKiB: 32, iterations: 1, parallelism: 1)))
        let store = InMemoryStore()
        let clock = ManualClock()
        let key = SecretKey.generate()
        let mailer = RecordingMailTransport()
        let before = try MFAService(configuration: .init(), store: store, keys: key, links: TestLinkBuilder(), passwordHasher: weak, clock: clock)
        try await before.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        _ = try await MailDeliveryWorker(service: before, transport: mailer).deliverDueMail()
        let enrollment = try await before.confirmAccountCreation(
            token: #require(mailer.messages.last?.oneTimeToken), passwordAgain: Harness.password, from: .testClient
        )
        #expect(store.snapshot().accounts[0].passwordHash.contains("m=32,"))

        let after = try MFAService(configuration: .init(), store: store, keys: key, links: TestLinkBuilder(), passwordHasher: Harness.fastHasher, clock: clock)
        try await after.requestLogin(email: "ada@example.com", from: .testClient)
        _ = try await MailDeliveryWorker(service: after, transport: mailer).deliverDueMail()
        let code = try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp).code(at: clock.now())
        _ = try await after.completeLogin(
            token: #require(mailer.messages.last?.oneTimeToken), password: Harness.password, secondFactor: .totpCode(code), from: .testClient
        )
        #expect(store.snapshot().accounts[0].passwordHash.contains("m=64,"))
    }
}
