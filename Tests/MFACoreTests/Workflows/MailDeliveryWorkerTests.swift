import Foundation
import MFACore
import MFATestSupport
import Synchronization
import Testing

@Suite struct MailDeliveryWorkerTests {
    @Test func transientFailuresAreRetriedWithBackoffUntilSent() async throws {
        let mfa = try Harness()
        let flaky = ScriptedTransport([.transient("421 try later"), .transient("timeout")])
        let worker = MailDeliveryWorker(service: mfa.service, transport: flaky)
        try await mfa.service.requestLogin(email: "nobody@example.com", from: .testClient)
        _ = try await mfa.createAccount()
        _ = try await mfa.worker.deliverDueMail()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)

        #expect(try await worker.deliverDueMail().retried == 1)
        #expect(try await worker.deliverDueMail().isEmpty, "a retry waits for its backoff")
        mfa.clock.advance(by: 15)
        #expect(try await worker.deliverDueMail().retried == 1)
        mfa.clock.advance(by: 30)
        #expect(try await worker.deliverDueMail().sent == 1)
        #expect(flaky.sent.map(\.subject) == ["Your sign-in link"])
        #expect(try await worker.deliverDueMail().isEmpty, "a sent message is not sent again")
    }

    @Test func aPermanentFailureIsNotRetried() async throws {
        let mfa = try Harness()
        let refusing = ScriptedTransport([.permanent("550 no such user")])
        let worker = MailDeliveryWorker(service: mfa.service, transport: refusing)
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        #expect(try await worker.deliverDueMail().failed == 1)
        mfa.clock.advance(by: 3600)
        #expect(try await worker.deliverDueMail().isEmpty)
        #expect(refusing.sent.isEmpty)
    }

    @Test func aMessageWhoseLinkExpiredIsDroppedNotSent() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        mfa.clock.advance(by: 600)
        #expect(try await mfa.worker.deliverDueMail().dropped == 1)
        #expect(mfa.mailer.messages.isEmpty)
    }

    @Test func decoyMailIsDroppedUnsentAndCountedOneByOne() async throws {
        let mfa = try Harness()
        for address in ["nobody@example.com", "no-one@example.com", "none@example.com"] {
            try await mfa.service.requestLogin(email: address, from: .testClient)
        }
        mfa.events.clear()
        let report = try await mfa.worker.deliverDueMail()
        #expect(report.dropped == 3 && report.sent == 0)
        #expect(mfa.events.events.filter { $0 == .mailDropped }.count == 3)
        #expect(mfa.mailer.messages.isEmpty)
        #expect(try await mfa.worker.deliverDueMail().isEmpty)
    }

    @Test func failureReportsNeverContainTheLink() async throws {
        let mfa = try Harness()
        let reports = Mutex<[String]>([])
        let worker = MailDeliveryWorker(
            service: mfa.service, transport: ScriptedTransport([.transient("421 busy")]),
            onFailure: { line in reports.withLock { $0.append(line) } }
        )
        try await mfa.service.requestAccountCreation(email: "ada@example.com", password: Harness.password, from: .testClient)
        _ = try await worker.deliverDueMail()
        let token = try #require(mfa.store.snapshot().links.first).tokenHash
        #expect(reports.withLock { $0.count } == 1)
        #expect(!reports.withLock { $0.joined() }.contains("one_time_url"))
        #expect(token.count == 32)
    }
}

/// Fails with the scripted errors in turn, then records what it sends.
final class ScriptedTransport: MailTransport {
    private let state: Mutex<(failures: [MailDeliveryError], sent: [MailMessage])>
    init(_ failures: [MailDeliveryError]) { state = Mutex((failures, [])) }
    var sent: [MailMessage] { state.withLock { $0.sent } }
    func send(_ message: MailMessage) async throws {
        try state.withLock { state in
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            state.sent.append(message)
        }
    }
}
