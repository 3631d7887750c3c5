import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

/// Link-sending requests count per (address, client network) and per address
/// from all networks: someone else's requests for an address cannot stop its
/// owner from getting links, up to the address's total.
@Suite struct RequesterBudgetTests {
    let owner = ClientNetwork(ipAddress: "198.51.100.20")!
    let attacker = ClientNetwork(ipAddress: "203.0.113.66")!

    @Test func theOwnersNetworkStillGetsLinksWhileAnotherNetworkExhaustsItsOwn() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        mfa.clock.advance(by: 900)
        // Every link-sending route of the address shares the attacker network's budget.
        for _ in 1...3 { try await mfa.service.requestLogin(email: "ada@example.com", from: attacker) }
        for _ in 1...2 { try await mfa.service.requestPasswordReset(email: "ADA@example.com", from: attacker) }
        await expect(.rateLimited(retryAfterSeconds: 900)) { try await mfa.service.requestLogin(email: "ada@example.com", from: attacker) }
        await expect(.rateLimited(retryAfterSeconds: 900)) {
            try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: attacker)
        }

        _ = try await mfa.worker.deliverDueMail()
        let before = mfa.mailer.messages(to: "ada@example.com").count
        try await mfa.service.requestLogin(email: "ada@example.com", from: owner)
        let mail = try await mfa.lastMail(to: "ada@example.com")
        #expect(mfa.mailer.messages(to: "ada@example.com").count == before + 1)
        #expect(mail.subject == "Your sign-in link")
    }

    @Test func theTotalPerAddressHoldsAcrossNetworks() async throws {
        let mfa = try Harness()
        let networks = try (1...5).map { try #require(ClientNetwork(ipAddress: "2001:db8:\($0)::1")) }
        for network in networks.prefix(4) {
            for _ in 1...5 { try await mfa.service.requestLogin(email: "nobody@example.com", from: network) }
        }
        mfa.clock.advance(by: 600)
        await expect(.rateLimited(retryAfterSeconds: 3_000)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: networks[4]) }
        // A new per-network window does not lift the total.
        mfa.clock.advance(by: 900)
        await expect(.rateLimited(retryAfterSeconds: 2_100)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: networks[0]) }
        // Another address has its own total.
        try await mfa.service.requestLogin(email: "someone@example.com", from: networks[0])
        mfa.clock.advance(by: 2_100)
        try await mfa.service.requestLogin(email: "nobody@example.com", from: networks[4])
    }

    /// Refused requests count against no limit: a network hammering an address
    /// past its own budget does not use up the address's total.
    @Test func refusedRequestsDoNotCountTowardsTheTotal() async throws {
        let mfa = try Harness()
        for _ in 1...5 { try await mfa.service.requestLogin(email: "nobody@example.com", from: attacker) }
        for _ in 1...100 {
            await expect(.rateLimited(retryAfterSeconds: 900)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: attacker) }
        }
        for index in 1...3 {
            let network = try #require(ClientNetwork(ipAddress: "192.0.2.\(index)"))
            for _ in 1...5 { try await mfa.service.requestLogin(email: "nobody@example.com", from: network) }
        }
        await expect(.rateLimited(retryAfterSeconds: 3_600)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: owner) }
    }

    @Test func bothLimitsAreSettings() async throws {
        let mfa = try Harness {
            $0.linksPerAddress = RateLimit(count: 1, window: 60)
            $0.linksPerAddressTotal = RateLimit(count: 2, window: 120)
        }
        try await mfa.service.requestLogin(email: "nobody@example.com", from: attacker)
        await expect(.rateLimited(retryAfterSeconds: 60)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: attacker) }
        try await mfa.service.requestLogin(email: "nobody@example.com", from: owner)
        await expect(.rateLimited(retryAfterSeconds: 120)) { try await mfa.service.requestLogin(email: "nobody@example.com", from: .testClient) }
    }

    @Test func undeliverableAddressesAreRefusedBeforeAnythingIsCounted() async throws {
        let mfa = try Harness()
        for address in ["zo\u{00EB}@example.com", "ada\u{200B}@example.com", "ada\u{202E}moc.elpmaxe@example.com", "a..b@example.com"] {
            await #expect(throws: MFAError.self) { try await mfa.service.requestAccountCreation(email: address, password: Harness.password, from: owner) }
            await #expect(throws: MFAError.self) { try await mfa.service.requestLogin(email: address, from: owner) }
        }
        let snapshot = mfa.store.snapshot()
        #expect(snapshot.limitKeys.isEmpty && snapshot.outbox.isEmpty && snapshot.pendingRegistrations.isEmpty)
    }
}
