import Foundation
import MFACore
import MFACoreTesting
import Testing

/// Each workflow records its security events where it decides, naming the
/// account by its id and the client by its network, and never an address or a secret.
@Suite struct SecurityEventTests {
    /// An IPv6 client: its /64 is what the events name.
    let client = ClientNetwork(ipAddress: "2001:db8:7:8::99")!

    private func id(of email: String = "ada@example.com", in mfa: Harness) async throws -> String {
        try #require(try await mfa.service.accountReport(email: email)).id
    }

    @Test func aLinkRequestRecordsTheAccountOrWhyNoLinkWasSent() async throws {
        let mfa = try Harness()
        try await mfa.createAccount()
        let ada = try await id(in: mfa)
        mfa.events.clear()

        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        try await mfa.service.requestLogin(email: "nobody@example.com", from: client)
        try await mfa.service.requestPasswordReset(email: "nobody@example.com", from: client)
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: "not ada's password", from: client)
        try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: client)
        try await mfa.service.requestDeletion(email: "nobody@example.com", password: Harness.password, from: client)
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: client)
        try await mfa.service.requestAccountCreation(email: "grace@example.com", password: Harness.password, from: client)

        #expect(mfa.events.securityEvents == [
            SecurityEvent(.linkRequested, accountID: ada, client: client, purpose: .link(.login)),
            SecurityEvent(.linkRequested, client: client, purpose: .link(.login), reason: .noAccount),
            SecurityEvent(.linkRequested, client: client, purpose: .link(.passwordReset), reason: .noAccount),
            SecurityEvent(.linkRequested, accountID: ada, client: client, purpose: .link(.newAuthenticator), reason: .wrongPassword),
            SecurityEvent(.linkRequested, accountID: ada, client: client, purpose: .link(.deleteAccount)),
            SecurityEvent(.linkRequested, client: client, purpose: .link(.deleteAccount), reason: .noAccount),
            SecurityEvent(.linkRequested, accountID: ada, client: client, purpose: .link(.createAccount), reason: .accountExists),
            SecurityEvent(.linkRequested, client: client, purpose: .link(.createAccount)),
        ])
    }

    /// The answer is the same for a known and an unknown address; the private
    /// log may tell them apart, but by the account id and a reason only: one
    /// event each, of one kind, and neither holds the address in any form.
    @Test func aKnownAndAnUnknownAddressEachGiveOneEventThatHoldsNoAddress() async throws {
        let mfa = try Harness()
        try await mfa.createAccount()
        let ada = try await id(in: mfa)
        for email in ["ada@example.com", "Nobody@Example.com"] {
            mfa.events.clear()
            try await mfa.service.requestPasswordReset(email: email, from: client)
            let events = mfa.events.securityEvents
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event.kind == .linkRequested && event.purpose == .link(.passwordReset) && event.client == client)
            #expect(event.accountID == (email == "ada@example.com" ? ada : nil))
            #expect(event.reason == (email == "ada@example.com" ? nil : .noAccount))
            let text = String(reflecting: event).lowercased()
            #expect(!text.contains("nobody") && !text.contains("example.com") && !text.contains("ada@"))
        }
    }

    @Test func eachRefusedCompletionRecordsWhy() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let grace = try await mfa.createAccount("grace@example.com")
        let ada = try await id(in: mfa)
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        let token = try await mfa.lastToken(to: "ada@example.com")
        mfa.events.clear()

        func login(_ factor: SecondFactor, password: String = Harness.password, token: String = token) async throws {
            _ = try await mfa.service.completeLogin(token: token, password: password, secondFactor: factor, from: client)
        }
        let code = try mfa.code(for: enrollment)
        await expect(.authenticationFailed) { try await login(.totpCode(code), password: "not the password") }
        await expect(.authenticationFailed) { try await login(.totpCode(mfa.code(for: enrollment, offsetSteps: 10))) }
        await expect(.authenticationFailed) { try await login(.recoveryCode(grace.recoveryCodes[0])) }
        await expect(.linkInvalid) { try await login(.totpCode(code), token: "no such token") }
        try await login(.totpCode(code))
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        await expect(.authenticationFailed) { try await login(.totpCode(code), token: mfa.lastToken(to: "ada@example.com")) }

        let failed = { (reason: SecurityEvent.Reason, account: String?) in
            SecurityEvent(.completionFailed, accountID: account, client: self.client, purpose: .link(.login), reason: reason)
        }
        #expect(mfa.events.securityEvents == [
            failed(.wrongPassword, ada),
            failed(.wrongTOTPCode, ada),
            failed(.wrongRecoveryCode, ada),
            failed(.linkInvalid, nil),
            SecurityEvent(.loginSucceeded, accountID: ada, client: client, purpose: .link(.login)),
            SecurityEvent(.linkRequested, accountID: ada, client: client, purpose: .link(.login)),
            failed(.reusedTOTPCode, ada),
        ])
        // The metric counts the same failed logins: wrong credentials, not a dead link.
        #expect(mfa.events.events.filter { $0 == .loginFailed }.count == 4)
    }

    @Test func locksTheCeilingAndTheUnlockAreRecorded() async throws {
        let mfa = try Harness { $0.lockPolicy = LockPolicy(failuresPerLock: 2, firstLock: 60, maxLock: 3_600, ceiling: 4) }
        let enrollment = try await mfa.createAccount()
        let ada = try await id(in: mfa)
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        let token = try await mfa.lastToken(to: "ada@example.com")
        mfa.events.clear()
        func wrongPassword() async throws {
            _ = try await mfa.service.completeLogin(
                token: token, password: "not the password", secondFactor: .totpCode(mfa.code(for: enrollment)), from: client
            )
        }

        for _ in 0..<2 { await expect(.authenticationFailed) { try await wrongPassword() } }
        await expect(.rateLimited(retryAfterSeconds: 60)) { try await wrongPassword() }
        mfa.clock.advance(by: 61)
        for _ in 0..<2 { await expect(.authenticationFailed) { try await wrongPassword() } }
        mfa.clock.advance(by: 121)
        await expect(.rateLimited(retryAfterSeconds: 3_600)) { try await wrongPassword() }
        #expect(try await mfa.service.unlockAccount(email: "ada@example.com") == ada)

        let event = { (kind: SecurityEvent.Kind, reason: SecurityEvent.Reason) in
            SecurityEvent(kind, accountID: ada, client: self.client, purpose: .link(.login), reason: reason)
        }
        #expect(mfa.events.securityEvents == [
            event(.completionFailed, .wrongPassword),
            event(.completionFailed, .wrongPassword), event(.accountLocked, .repeatedFailures),
            event(.completionFailed, .accountLocked),
            event(.completionFailed, .wrongPassword),
            event(.completionFailed, .wrongPassword), event(.accountLocked, .failureCeiling),
            event(.completionFailed, .failureCeiling),
            // An operator's action comes from no client.
            SecurityEvent(.accountUnlocked, accountID: ada, reason: .operator),
        ])
    }

    @Test func eachCompletedChangeRecordsItselfAndTheSessionsItRevoked() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: client)
        var enrollment = try await mfa.service.confirmAccountCreation(
            token: mfa.lastToken(to: "ada@example.com"), passwordAgain: Harness.password, from: client
        )
        let ada = try await id(in: mfa)
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        let login = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password,
            secondFactor: .recoveryCode(enrollment.recoveryCodes[0]), from: client
        )
        try await mfa.service.changePassword(
            sessionToken: login.sessionToken, currentPassword: Harness.password, newPassword: "a brand new passphrase",
            secondFactor: .totpCode(mfa.code(for: enrollment)), from: client
        )
        mfa.nextStep()
        _ = try await mfa.service.createRecoveryCodes(sessionToken: login.sessionToken, secondFactor: .totpCode(mfa.code(for: enrollment)), from: client)
        try await mfa.service.logout(sessionToken: login.sessionToken, from: client)
        mfa.nextStep()
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: "a brand new passphrase", from: client)
        enrollment = try await mfa.service.confirmNewAuthenticator(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .totpCode(mfa.code(for: enrollment)), from: client
        )
        mfa.nextStep()
        try await mfa.service.requestPasswordReset(email: "ada@example.com", from: client)
        try await mfa.service.confirmPasswordReset(
            token: mfa.lastToken(to: "ada@example.com"), newPassword: Harness.password,
            secondFactor: .totpCode(mfa.code(for: enrollment)), from: client
        )
        try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: client)
        try await mfa.service.confirmDeletion(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .recoveryCode(enrollment.recoveryCodes[0]), from: client
        )

        let event = { (kind: SecurityEvent.Kind, purpose: SecurityEvent.Purpose, reason: SecurityEvent.Reason?) in
            SecurityEvent(kind, accountID: ada, client: self.client, purpose: purpose, reason: reason)
        }
        #expect(mfa.events.securityEvents.filter { $0.kind != .linkRequested } == [
            event(.accountCreated, .link(.createAccount), nil),
            event(.loginSucceeded, .link(.login), .recoveryCode),
            event(.passwordChanged, .passwordChange, nil), event(.sessionsRevoked, .passwordChange, nil),
            event(.recoveryCodesReplaced, .recoveryCodes, nil),
            SecurityEvent(.sessionsRevoked, accountID: ada, client: client, reason: .logout),
            event(.authenticatorReplaced, .link(.newAuthenticator), nil), event(.sessionsRevoked, .link(.newAuthenticator), nil),
            event(.passwordReset, .link(.passwordReset), nil), event(.sessionsRevoked, .link(.passwordReset), nil),
            event(.accountDeleted, .link(.deleteAccount), .recoveryCode), event(.sessionsRevoked, .link(.deleteAccount), nil),
        ])
    }

    @Test func aLimitThatRefusesARequestIsNamed() async throws {
        let mfa = try Harness {
            $0.requestsPerClient = RateLimit(count: 1, window: 60)
            $0.linksPerAddress = RateLimit(count: 1, window: 900)
        }
        try await mfa.service.admitRequest(from: client)
        await expect(.rateLimited(retryAfterSeconds: 60)) { try await mfa.service.admitRequest(from: client) }
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        await expect(.rateLimited(retryAfterSeconds: 900)) { try await mfa.service.requestLogin(email: "ada@example.com", from: client) }

        #expect(mfa.events.securityEvents.filter { $0.kind == .rateLimited } == [
            SecurityEvent(.rateLimited, client: client, reason: .requestsPerClient),
            // Refused before the address is looked up, so with no account either way.
            SecurityEvent(.rateLimited, client: client, purpose: .link(.login), reason: .linksPerAddress),
        ])
    }

    @Test func theOperatorsActionsAndAnImportAreRecordedWithoutAClient() async throws {
        let mfa = try Harness()
        let imported = ImportedAccount(
            email: "grace@example.com", fullName: nil, passwordHash: try Harness.fastHasher.hash(Harness.password),
            totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", period: 30
        )
        #expect(try await mfa.service.importAccount(imported) == .imported)
        let grace = try await id(of: "grace@example.com", in: mfa)
        _ = try await mfa.service.resetAuthenticator(email: "grace@example.com")
        _ = try await mfa.service.confirmAuthenticatorReset(token: mfa.lastToken(to: "grace@example.com"), from: client)
        _ = try await mfa.service.revokeSessions(email: "grace@example.com")
        _ = try await mfa.service.deleteAccount(email: "grace@example.com")

        let reset = SecurityEvent.Purpose.link(.authenticatorResetByOperator)
        #expect(mfa.events.securityEvents == [
            SecurityEvent(.accountCreated, accountID: grace, reason: .imported),
            SecurityEvent(.linkRequested, accountID: grace, purpose: reset, reason: .operator),
            SecurityEvent(.sessionsRevoked, accountID: grace, reason: .operator),
            // The owner follows the link from a client.
            SecurityEvent(.authenticatorReplaced, accountID: grace, client: client, purpose: reset),
            SecurityEvent(.sessionsRevoked, accountID: grace, client: client, purpose: reset),
            SecurityEvent(.sessionsRevoked, accountID: grace, reason: .operator),
            SecurityEvent(.accountDeleted, accountID: grace, reason: .operator),
            SecurityEvent(.sessionsRevoked, accountID: grace, reason: .operator),
        ])
    }

    @Test func aFullHashingQueueIsRecordedAsOverloaded() async throws {
        let blocking = BlockingHasher()
        let events = RecordingEventObserver()
        var configuration = MFAConfiguration()
        configuration.concurrentPasswordHashes = 1
        configuration.queuedPasswordHashes = 0
        let mfa = try MFAService(
            configuration: configuration, store: InMemoryStore(), keys: SecretKey.generate(), links: TestLinkBuilder(),
            passwordHasher: blocking, observer: events
        )
        let first = Task { try await mfa.requestAccountCreation(email: "a1@example.com", password: Harness.password, from: client) }
        await blocking.waitUntilRunning()
        await expect(.unavailable) { try await mfa.requestAccountCreation(email: "a2@example.com", password: Harness.password, from: client) }
        blocking.release()
        try await first.value
        #expect(events.securityEvents.first == SecurityEvent(.unavailable, reason: .overloaded))
    }

    /// Every event of every workflow, searched for each address, password,
    /// code and token that crossed the API.
    @Test func noEventHoldsAnAddressOrASecret() async throws {
        let mfa = try Harness { $0.lockPolicy = LockPolicy(failuresPerLock: 2, firstLock: 60, maxLock: 3_600, ceiling: 4) }
        var secrets = ["ada@example.com", "nobody@example.com", Harness.password, "a wrong passphrase", "a brand new passphrase"]
        let enrollment = try await mfa.createAccount()
        secrets += [enrollment.secret] + enrollment.recoveryCodes
        try await mfa.service.requestLogin(email: "nobody@example.com", from: client)
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: "a wrong passphrase", from: client)
        try await mfa.service.requestLogin(email: "ada@example.com", from: client)
        let token = try await mfa.lastToken(to: "ada@example.com")
        let wrongCode = try mfa.code(for: enrollment, offsetSteps: 10)
        for _ in 0..<3 {
            _ = try? await mfa.service.completeLogin(token: token, password: "a wrong passphrase", secondFactor: .totpCode(wrongCode), from: client)
        }
        mfa.clock.advance(by: 61)
        let code = try mfa.code(for: enrollment)
        let login = try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .totpCode(code), from: client)
        try await mfa.service.changePassword(
            sessionToken: login.sessionToken, currentPassword: Harness.password, newPassword: "a brand new passphrase",
            secondFactor: .totpCode(mfa.code(for: enrollment, offsetSteps: 1)), from: client
        )
        try await mfa.service.logout(sessionToken: login.sessionToken, from: client)
        secrets += [token, wrongCode, code, login.sessionToken]

        let events = mfa.events.securityEvents
        #expect(Set(events.map(\.kind)).isSuperset(of: [.linkRequested, .completionFailed, .accountLocked, .loginSucceeded, .passwordChanged]))
        for event in events {
            let text = String(reflecting: event)
            for secret in secrets { #expect(!text.contains(secret), "\(text) holds \(secret)") }
        }
    }
}
