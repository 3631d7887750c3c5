import Foundation
import MFACore
import MFAMail
import MFASQLite
import Testing
import MFACoreTesting
import MFATestSupport

/// The durable outbox end to end: workflows on a SQLite file queue their mail,
/// and the delivery worker sends it through SMTP to a real aiosmtpd server.
@Suite(.timeLimit(.minutes(2)))
struct OutboxDeliveryTests {
    /// One server process's view of the database: a service and its delivery worker.
    struct Installation {
        let store: SQLiteStore
        let service: MFAService
        let worker: MailDeliveryWorker

        init(database: String, key: SecretKey, clock: ManualClock, smtpPort: Int) throws {
            store = try SQLiteStore(path: database)
            service = try MFAService(
                configuration: MFAConfiguration(publicURL: "https://mfa.example.com"), store: store, keys: key, links: ContractLinkBuilder(),
                passwordHasher: PHCPasswordHasher.fastForTesting,
                clock: clock
            )
            var smtp = SMTPConfiguration(host: "127.0.0.1", port: smtpPort, security: .none, sender: Fixtures.sender)
            smtp.connectTimeout = .seconds(2)
            worker = MailDeliveryWorker(service: service, transport: try SMTPMailTransport(configuration: smtp))
        }
    }

    static let addresses = (1...5).map { "user\($0)@example.com" }

    // The tests use ManualClock's default start, a whole second: times survive the
    // store's REAL seconds exactly, so "expires at" boundaries are exact too.

    @Test func mailQueuedDuringAnOutageArrivesExactlyOnceWhenTheServerReturns() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let port = LoopbackSocket.unusedPort()
            let clock = ManualClock()
            let mfa = try Installation(database: directory.appending(path: "mfa.sqlite").path, key: .generate(), clock: clock, smtpPort: port)
            for address in Self.addresses {
                try await mfa.service.requestAccountCreation(email: address, password: "correct horse battery staple", from: .testClient)
            }
            #expect(try await mfa.worker.deliverDueMail().retried == 5)

            var options = SMTPTestServer.Options()
            options.port = port
            try await SMTPTestServer.run(options, in: directory.appending(path: "smtp")) { server in
                clock.advance(by: 60)
                #expect(try await mfa.worker.deliverDueMail().sent == 5)
                clock.advance(by: 3_600)
                #expect(try await mfa.worker.deliverDueMail().isEmpty)
                let received = try server.receivedMessages()
                #expect(received.flatMap(\.recipients).sorted() == Self.addresses)
                for message in received.map(\.message) {
                    #expect(message.subject == "Confirm your new account")
                    #expect(message.bodyLines.contains { $0.hasPrefix("https://mfa.example.com/users/create/mfa/?one_time_url=") })
                }
            }
        }
    }

    @Test func mailQueuedByAStoppedServerIsSentByTheNextStart() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory.appending(path: "smtp")) { server in
                let database = directory.appending(path: "mfa.sqlite").path
                let key = SecretKey.generate()
                let clock = ManualClock()
                do {
                    let stopped = try Installation(database: database, key: key, clock: clock, smtpPort: server.port)
                    for address in Self.addresses.prefix(3) {
                        try await stopped.service.requestAccountCreation(email: address, password: "correct horse battery staple", from: .testClient)
                    }
                }
                let restarted = try Installation(database: database, key: key, clock: clock, smtpPort: server.port)
                let report = try await restarted.worker.deliverDueMail()
                let received = try server.receivedMessages()
                #expect(report.sent == 3)
                #expect(received.flatMap(\.recipients) == Array(Self.addresses.prefix(3)))
            }
        }
    }

    @Test func aMessageWhoseLinkExpiredDuringTheOutageIsNeverSent() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let port = LoopbackSocket.unusedPort()
            let clock = ManualClock()
            let mfa = try Installation(database: directory.appending(path: "mfa.sqlite").path, key: .generate(), clock: clock, smtpPort: port)
            try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "correct horse battery staple", from: .testClient)
            #expect(try await mfa.worker.deliverDueMail().retried == 1)
            clock.advance(by: 600)
            var options = SMTPTestServer.Options()
            options.port = port
            try await SMTPTestServer.run(options, in: directory.appending(path: "smtp")) { server in
                let report = try await mfa.worker.deliverDueMail()
                let received = try server.receivedMessages()
                #expect(report.dropped == 1)
                #expect(received.isEmpty)
            }
        }
    }

    @Test func aPermanentRefusalIsNotRetriedAndATransientOneIs() async throws {
        for (reply, permanent) in [("550 5.1.1 no such user", true), ("451 4.3.0 try again later", false)] {
            try await TestEnvironment.withTemporaryDirectory { directory in
                var options = SMTPTestServer.Options()
                options.rcptReply = reply
                try await SMTPTestServer.run(options, in: directory.appending(path: "smtp")) { server in
                    let clock = ManualClock()
                    let mfa = try Installation(database: directory.appending(path: "mfa.sqlite").path, key: .generate(), clock: clock, smtpPort: server.port)
                    try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "correct horse battery staple", from: .testClient)
                    let first = try await mfa.worker.deliverDueMail()
                    #expect(first.failed == (permanent ? 1 : 0) && first.retried == (permanent ? 0 : 1))
                    clock.advance(by: 300)
                    let second = try await mfa.worker.deliverDueMail()
                    #expect(second.isEmpty == permanent, "a 5xx is final, a 4xx is tried again")
                }
            }
        }
    }
}
