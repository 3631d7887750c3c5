import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct KeyRotationTests {
    @Test func aPassResealsEverythingUnderTheNewKeySoTheOldKeyCanGo() async throws {
        let (old, new) = (SecretKey.generate(), SecretKey.generate())
        let before = try Harness(keys: old)
        let enrollment = try await before.createAccount()
        let recoveryCode = enrollment.recoveryCodes[0]
        try await before.service.requestLogin(email: "ada@example.com", from: .testClient)  // a link mail left in the outbox
        try await before.service.requestLogin(email: "ada@example.com", from: .testClient)
        let unsent = before.store.snapshot().outbox.count
        #expect(unsent >= 3)

        let rotating = KeyRing(current: new, older: [old])
        let report = try await Resealing.pass(over: before.store, with: rotating)
        // The TOTP secret, every queued mail (finished ones too) and the hash key.
        #expect(report.resealed == 1 + unsent + 1 && report.unopenable == 0)
        #expect(try await Resealing.pass(over: before.store, with: rotating).foundNothing)

        // The new key alone opens everything: mail, the TOTP secret, and the
        // hash key behind recovery codes and limits.
        let after = try before.service(keys: new)
        let worker = MailDeliveryWorker(service: after, transport: before.mailer)
        #expect(try await worker.deliverDueMail().sent == 2)
        let token = try #require(before.mailer.messages(to: "ada@example.com").last?.oneTimeToken)
        before.nextStep()
        let login = try await after.completeLogin(
            token: token, password: Harness.password, secondFactor: .totpCode(before.code(for: enrollment)), from: .testClient
        )
        #expect(login.recoveryCodesRemaining == nil)
        try await after.requestLogin(email: "ada@example.com", from: .testClient)
        _ = try await worker.deliverDueMail()
        let recovery = try await after.completeLogin(
            token: try #require(before.mailer.messages(to: "ada@example.com").last?.oneTimeToken),
            password: Harness.password, secondFactor: .recoveryCode(recoveryCode), from: .testClient
        )
        #expect(recovery.recoveryCodesRemaining == 9)
    }

    @Test func prepareResealsWithTheServicesCurrentKey() async throws {
        let (old, new) = (SecretKey.generate(), SecretKey.generate())
        let before = try Harness(keys: old)
        _ = try await before.createAccount()
        let after = try before.service(keys: KeyRing(current: new, older: [old]))
        #expect(try await after.prepare().resealed > 0)
        #expect(try await before.store.sealedValues(notStartingWith: new.id).isEmpty)
        #expect(try await after.prepare().foundNothing)
    }

    @Test func aValueNoKeyOpensIsReportedAndLeftAlone() async throws {
        let before = try Harness(keys: SecretKey.generate())
        _ = try await before.createAccount()
        let stranger = SecretKey.generate()
        let report = try await Resealing.pass(over: before.store, with: KeyRing(current: stranger))
        #expect(report.resealed == 0 && report.unopenable > 0)
        #expect(try await before.store.sealedValues(notStartingWith: stranger.id).count == report.unopenable)
    }
}

extension Harness {
    /// Another service on the same store, clock and settings, with other keys.
    func service(keys: any KeyRingSource) throws -> MFAService {
        try MFAService(
            configuration: service.configuration, store: store, keys: keys, links: ContractLinkBuilder(),
            passwordHasher: Self.fastHasher, clock: clock
        )
    }
}
