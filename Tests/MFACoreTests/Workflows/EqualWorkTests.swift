import Foundation
import MFACore
import MFACoreTesting
import MFATestSupport
import Testing

/// The link-sending requests write the same rows, of the same sizes, whether
/// the address has an account or not and whether the password is right or
/// not, so that their timing does not tell; the decoys can never be used and
/// are never sent.
@Suite struct EqualWorkTests {
    /// What one request added to the store: rows by kind and the sealed emails' sizes.
    struct Writes: Equatable {
        var links = 0
        var pendingRegistrations = 0
        var sealedSizes: [Int] = []
    }

    /// Runs `request` on a store that holds `ada@example.com` (and `bob@example.com`,
    /// an address of the same length without an account) and reports what it wrote.
    static func writes(_ request: @escaping (MFAService) async throws -> Void) async throws -> (Writes, Harness) {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        _ = try await mfa.worker.deliverDueMail()
        let before = mfa.store.snapshot()
        try await request(mfa.service)
        let after = mfa.store.snapshot()
        let oldMail = Set(before.outbox.map(\.id))
        let writes = Writes(
            links: after.links.count - before.links.count,
            pendingRegistrations: after.pendingRegistrations.count - before.pendingRegistrations.count,
            sealedSizes: after.outbox.filter { !oldMail.contains($0.id) }.map(\.sealedMessage.count)
        )
        return (writes, mfa)
    }

    @Test func loginAndResetWriteTheSameForKnownAndUnknownAddresses() async throws {
        for request in [
            { (mfa: MFAService, email: String) in try await mfa.requestLogin(email: email, from: .testClient) },
            { (mfa: MFAService, email: String) in try await mfa.requestPasswordReset(email: email, from: .testClient) },
        ] {
            let (known, _) = try await Self.writes { try await request($0, "ada@example.com") }
            let (unknown, mfa) = try await Self.writes { try await request($0, "bob@example.com") }
            #expect(known == unknown)
            #expect(unknown.links == 1 && unknown.sealedSizes.count == 1)
            // The decoy is never sent.
            _ = try await mfa.worker.deliverDueMail()
            #expect(mfa.mailer.messages(to: "bob@example.com").isEmpty)
        }
    }

    @Test func passwordRoutesWriteTheSameForRightAndWrongPasswordsAndUnknownAddresses() async throws {
        for request in [
            { (mfa: MFAService, email: String, password: String) in try await mfa.requestNewAuthenticator(email: email, password: password, from: .testClient) },
            { (mfa: MFAService, email: String, password: String) in try await mfa.requestDeletion(email: email, password: password, from: .testClient) },
        ] {
            let (right, _) = try await Self.writes { try await request($0, "ada@example.com", Harness.password) }
            // A wrong password of the same length as the right one.
            let (wrong, _) = try await Self.writes { try await request($0, "ada@example.com", String(Harness.password.reversed())) }
            let (unknown, _) = try await Self.writes { try await request($0, "bob@example.com", Harness.password) }
            #expect(right == wrong)
            #expect(right == unknown)
            #expect(right.links == 1)
        }
    }

    @Test func registeringATakenAddressWritesWhatANewRegistrationWrites() async throws {
        let (taken, mfa) = try await Self.writes { try await $0.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient) }
        let (new, _) = try await Self.writes { try await $0.requestAccountCreation(email: "bob@example.com", password: Harness.password, from: .testClient) }
        #expect(taken.links == new.links && taken.pendingRegistrations == new.pendingRegistrations)
        #expect(taken.sealedSizes.count == new.sealedSizes.count)
        // The owner of the taken address still hears about the attempt, and only that.
        let mail = try await mfa.lastMail(to: "ada@example.com")
        #expect(mail.oneTimeToken == nil)
    }

    @Test func aDecoyLinkCannotBeUsed() async throws {
        let mfa = try Harness()
        try await mfa.service.requestLogin(email: "nobody@example.com", from: .testClient)
        let decoy = try #require(mfa.store.snapshot().links.first)
        #expect(decoy.expiresAt <= mfa.clock.now())
        #expect(try await mfa.store.link(tokenHash: decoy.tokenHash, now: mfa.clock.now()) == nil)
    }
}
