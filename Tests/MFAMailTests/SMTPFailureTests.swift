import Foundation
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SMTPFailureTests {
    private func failure(with options: SMTPTestServer.Options, dataTimeout: Duration = .seconds(10)) async throws
        -> MailDeliveryError?
    {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(options, in: directory) { server in
                var configuration = Fixtures.configuration(for: server, security: .none)
                configuration.dataTimeout = dataTimeout
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
                return error
            }
        }
    }

    @Test func a5xxReplyToRCPTIsPermanent() async throws {
        let error = try await failure(with: .init(rcptReply: "550 5.1.1 No such user"))
        #expect(error == .permanent("RCPT TO failed: 550 5.1.1 No such user"))
    }

    @Test func aReplyNamingTheRecipientFailsWithoutTheAddress() async throws {
        let reply = "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in virtual mailbox table"
        let error = try await failure(with: .init(rcptReply: reply))
        #expect(error == .permanent("RCPT TO failed: 550 5.1.1 <redacted>: Recipient address rejected: User unknown in virtual mailbox table"))
    }

    @Test func a4xxReplyToRCPTIsTransient() async throws {
        let error = try await failure(with: .init(rcptReply: "450 4.2.0 Greylisted, try again later"))
        #expect(error == .transient("RCPT TO failed: 450 4.2.0 Greylisted, try again later"))
    }

    @Test func a5xxReplyToTheMessageIsPermanent() async throws {
        let error = try await failure(with: .init(dataReply: "554 5.6.0 Message rejected"))
        #expect(error == .permanent("sending the message failed: 554 5.6.0 Message rejected"))
    }

    @Test func a4xxReplyToTheMessageIsTransient() async throws {
        let error = try await failure(with: .init(dataReply: "451 4.3.0 Try again"))
        #expect(error == .transient("sending the message failed: 451 4.3.0 Try again"))
    }

    @Test func aServerThatDoesNotAnswerInTimeIsTransient() async throws {
        let error = try await failure(with: .init(dataDelaySeconds: 30), dataTimeout: .milliseconds(500))
        #expect(error == .transient("sending the message: timed out"))
    }

    @Test func aRefusedConnectionIsTransient() async throws {
        let port = LoopbackSocket.unusedPort()
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, sender: Fixtures.sender)
        let error = await #expect(throws: MailDeliveryError.self) {
            try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
        }
        #expect(error?.isTransient == true)
        #expect(error?.text.hasPrefix("connecting to 127.0.0.1:\(port)") == true)
    }

    @Test func aRecipientThatCouldInjectCommandsIsPermanentWithoutConnecting() async throws {
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: LoopbackSocket.unusedPort(), security: .none, sender: Fixtures.sender)
        let message = MailMessage(recipient: "alice@example.com>\r\nRCPT TO:<eve@example.com", subject: "Hi", textBody: "")
        let error = await #expect(throws: MailDeliveryError.self) {
            try await SMTPMailTransport(configuration: configuration).send(message)
        }
        #expect(error?.isPermanent == true)
    }
}
