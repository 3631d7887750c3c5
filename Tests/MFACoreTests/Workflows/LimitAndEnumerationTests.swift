import Foundation
import MFACore
import MFATestSupport
import Testing
import MFACoreTesting

@Suite struct LimitAndEnumerationTests {
    @Test func linkRequestsAreLimitedPerAddressExistingOrNot() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        mfa.clock.advance(by: 900)
        for address in ["ada@example.com", "nobody@example.com"] {
            for _ in 1...5 { try await mfa.service.requestLogin(email: address, from: .testClient) }
            await expect(.rateLimited(retryAfterSeconds: 900)) { try await mfa.service.requestLogin(email: address, from: .testClient) }
            // Every link-sending route shares the address's budget, whatever the case.
            await expect(.rateLimited(retryAfterSeconds: 900)) { try await mfa.service.requestPasswordReset(email: address.uppercased(), from: .testClient) }
        }
        mfa.clock.advance(by: 900)
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
    }

    @Test func limitStateKeepsNoAddressInTheClear() async throws {
        let mfa = try Harness()
        let client = try #require(ClientNetwork(ipAddress: "192.0.2.7"))
        try await mfa.service.requestLogin(email: "nobody@example.com", from: client)
        try await mfa.service.admitRequest(from: client)
        let keys = mfa.store.snapshot().limitKeys
        // The address with its network, the address in total, and the network.
        #expect(keys.count == 3)
        #expect(!keys.contains { $0.contains("nobody") || $0.contains("192.0.2.7") })
    }

    @Test func requestsAreLimitedPerClientNetwork() async throws {
        let mfa = try Harness { $0.requestsPerClient = RateLimit(count: 3, window: 60) }
        let client = try #require(ClientNetwork(ipAddress: "192.0.2.7"))
        for _ in 1...3 { try await mfa.service.admitRequest(from: client) }
        await expect(.rateLimited(retryAfterSeconds: 60)) { try await mfa.service.admitRequest(from: client) }
        // The same client over IPv6 as a dual-stack socket reports it.
        await expect(.rateLimited(retryAfterSeconds: 60)) { try await mfa.service.admitRequest(from: #require(ClientNetwork(ipAddress: "::ffff:192.0.2.7"))) }
        try await mfa.service.admitRequest(from: #require(ClientNetwork(ipAddress: "192.0.2.8")))
        mfa.clock.advance(by: 45)
        await expect(.rateLimited(retryAfterSeconds: 15)) { try await mfa.service.admitRequest(from: client) }
    }

    /// A host holds its whole IPv6 /64: changing the interface id buys no new budget.
    @Test func anIPv6ClientCountsByItsSlash64() async throws {
        let mfa = try Harness { $0.requestsPerClient = RateLimit(count: 3, window: 60) }
        for host in 1...3 { try await mfa.service.admitRequest(from: #require(ClientNetwork(ipAddress: "2001:db8:1:2::\(host)"))) }
        await expect(.rateLimited(retryAfterSeconds: 60)) {
            try await mfa.service.admitRequest(from: #require(ClientNetwork(ipAddress: "2001:db8:1:2:dead:beef:0:4")))
        }
        try await mfa.service.admitRequest(from: #require(ClientNetwork(ipAddress: "2001:db8:1:3::1")))
    }

    @Test func unknownAddressesGetTheSameAnswersAndNoMail() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        _ = try await mfa.worker.deliverDueMail()
        let before = mfa.mailer.messages.count
        try await mfa.service.requestLogin(email: "nobody@example.com", from: .testClient)
        try await mfa.service.requestPasswordReset(email: "nobody@example.com", from: .testClient)
        try await mfa.service.requestNewAuthenticator(email: "nobody@example.com", password: Harness.password, from: .testClient)
        try await mfa.service.requestDeletion(email: "nobody@example.com", password: Harness.password, from: .testClient)
        // A known address with a wrong password is answered the same, with no mail either.
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: "not the password", from: .testClient)
        try await mfa.service.requestDeletion(email: "ada@example.com", password: "not the password", from: .testClient)
        _ = try await mfa.worker.deliverDueMail()
        #expect(mfa.mailer.messages.count == before)
    }

    @Test func unknownAddressesCostAPasswordVerificationToo() async throws {
        let hasher = CountingHasher(Harness.fastHasher)
        let mfa = try MFAService(configuration: .init(), store: InMemoryStore(), keys: SecretKey.generate(), links: TestLinkBuilder(), passwordHasher: hasher)
        try await mfa.requestDeletion(email: "nobody@example.com", password: Harness.password, from: .testClient)
        try await mfa.requestNewAuthenticator(email: "nobody@example.com", password: Harness.password, from: .testClient)
        #expect(hasher.verifications == 2)
    }

    @Test func registeringAnExistingAddressSendsANoticeWithoutALink() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        try await mfa.service.requestAccountCreation(email: "Ada@Example.com", password: "some other passphrase", from: .testClient)
        let mail = try await mfa.lastMail(to: "ada@example.com")
        #expect(mail.subject == "An account already exists for this address")
        #expect(mail.oneTimeToken == nil)
        // Only an expired decoy (see EqualWorkTests), never one for the address.
        #expect(mfa.store.snapshot().pendingRegistrations.allSatisfy { $0.emailKey != "ada@example.com" && $0.expiresAt <= mfa.clock.now() })
    }

    @Test func badInputChangesNothing() async throws {
        let mfa = try Harness()
        await expect(.invalidFields([
            .init(field: .email, message: "An email address has exactly one @."),
            .init(field: .password, message: "A password has 8 to 128 characters."),
        ])) { try await mfa.service.requestAccountCreation(email: "ada.example.com", password: "short", from: .testClient) }
        for bad in ["a@b", "a b@example.com", "@example.com", "ada@@example.com", "ada@example.", String(repeating: "a", count: 250) + "@x.io"] {
            await #expect(throws: MFAError.self) { try await mfa.service.requestLogin(email: bad, from: .testClient) }
        }
        await #expect(throws: MFAError.self) {
            try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, fullName: String(repeating: "n", count: 201), from: .testClient)
        }
        let snapshot = mfa.store.snapshot()
        #expect(snapshot.limitKeys.isEmpty && snapshot.outbox.isEmpty && snapshot.pendingRegistrations.isEmpty)
    }

    /// A service with one hashing slot and no queue, its slot taken by a
    /// registration that hashes until `blocking` is released.
    static func serviceWithItsOnlyHashingSlotTaken() async throws -> (MFAService, BlockingHasher, first: Task<Void, any Error>) {
        let blocking = BlockingHasher()
        var configuration = MFAConfiguration()
        configuration.concurrentPasswordHashes = 1
        configuration.queuedPasswordHashes = 0
        let mfa = try MFAService(configuration: configuration, store: InMemoryStore(), keys: SecretKey.generate(), links: TestLinkBuilder(), passwordHasher: blocking)
        let first = Task { try await mfa.requestAccountCreation(email: "a1@example.com", password: Harness.password, from: .testClient) }
        await blocking.waitUntilRunning()
        return (mfa, blocking, first)
    }

    @Test func aFullHashingQueueFailsFastAsUnavailable() async throws {
        let (mfa, blocking, first) = try await Self.serviceWithItsOnlyHashingSlotTaken()
        await expect(.unavailable) { try await mfa.requestAccountCreation(email: "a2@example.com", password: Harness.password, from: .testClient) }
        blocking.release()
        try await first.value
        try await mfa.requestAccountCreation(email: "a3@example.com", password: Harness.password, from: .testClient)
    }

    /// A login whose hash would be refused is refused before its link is read:
    /// under a burst, the excess gets its answer without waiting for the reads of the others.
    @Test func aFullHashingQueueRefusesLinkCompletionsBeforeReadingTheLink() async throws {
        let (mfa, blocking, first) = try await Self.serviceWithItsOnlyHashingSlotTaken()
        // An unknown link answers link_invalid when the hasher has room; here the refusal comes first.
        await expect(.unavailable) {
            _ = try await mfa.completeLogin(token: "no-such-link", password: Harness.password, secondFactor: .totpCode("123456"), from: .testClient)
        }
        await expect(.unavailable) { _ = try await mfa.confirmAccountCreation(token: "no-such-link", passwordAgain: Harness.password, from: .testClient) }
        blocking.release()
        try await first.value
        // The refused requests gave their turns back: the hasher serves again.
        await expect(.linkInvalid) {
            _ = try await mfa.completeLogin(token: "no-such-link", password: Harness.password, secondFactor: .totpCode("123456"), from: .testClient)
        }
        await expect(.linkInvalid) { _ = try await mfa.confirmAccountCreation(token: "no-such-link", passwordAgain: Harness.password, from: .testClient) }
    }
}

/// Counts verifications and forwards to a real hasher.
final class CountingHasher: PasswordHasher, @unchecked Sendable {
    private let inner: any PasswordHasher
    private let lock = NSLock()
    private var count = 0
    init(_ inner: any PasswordHasher) { self.inner = inner }
    var verifications: Int { lock.withLock { count } }
    func hash(_ password: String) throws -> String { try inner.hash(password) }
    func verify(_ password: String, against storedHash: String) throws -> PasswordVerification {
        lock.withLock { count += 1 }
        return try inner.verify(password, against: storedHash)
    }
    func recognizes(_ storedHash: String) -> Bool { inner.recognizes(storedHash) }
}

/// A hasher that holds every hash until released, to fill the hashing queue.
final class BlockingHasher: PasswordHasher, @unchecked Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let started = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var released = false
    func hash(_ password: String) throws -> String {
        started.signal()
        if !lock.withLock({ released }) { gate.wait() }
        return try Harness.fastHasher.hash(password)
    }
    func verify(_ password: String, against storedHash: String) throws -> PasswordVerification { .mismatch }
    func recognizes(_ storedHash: String) -> Bool { Harness.fastHasher.recognizes(storedHash) }
    func waitUntilRunning() async { await withCheckedContinuation { c in DispatchQueue.global().async { self.started.wait(); c.resume() } } }
    func release() {
        lock.withLock { released = true }
        for _ in 0..<4 { gate.signal() }
    }
}
