import NIOCore
import NIOEmbedded
@testable import MFAMail
import Testing

/// The handler's state machine on an `EmbeddedChannel`, where time only moves when the test says so.
@Suite struct SMTPClientHandlerTests {
    private let channel = EmbeddedChannel(handler: SMTPClientHandler())

    init() throws {
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
    }

    private func request(_ action: SMTPRequest.Action, timeout: TimeAmount = .seconds(5)) -> EventLoopFuture<SMTPReply> {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.writeAndFlush(SMTPRequest(action: action, timeout: timeout, reply: reply)).whenFailure { reply.fail($0) }
        return reply.futureResult
    }

    private func command(_ line: String) -> SMTPRequest.Action {
        .send(ByteBuffer(string: line + "\r\n"))
    }

    private func error(of future: EventLoopFuture<SMTPReply>) -> (any Error)? {
        var error: (any Error)?
        future.assumeIsolated().whenFailure { error = $0 }
        return error
    }

    @Test func answersTheGreetingThatArrivedBeforeItWasAskedFor() throws {
        try channel.writeInbound(ByteBuffer(string: "220 mail.test ready\r\n"))
        let greeting = request(.receiveGreeting)
        #expect(try greeting.wait() == SMTPReply(code: 220, lines: ["mail.test ready"]))

        let ehlo = request(command("EHLO localhost"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "EHLO localhost\r\n"))
        try channel.writeInbound(ByteBuffer(string: "250-mail.test\r\n250 STARTTLS\r\n"))
        #expect(try ehlo.wait().lines == ["mail.test", "STARTTLS"])
    }

    @Test func givesUpWhenTheReplyDoesNotComeInTime() throws {
        let greeting = request(.receiveGreeting, timeout: .seconds(30))
        channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(error(of: greeting) == nil)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(error(of: greeting) as? SMTPConnectionError == .timedOut)
        #expect(!channel.isActive)
    }

    @Test func refusesBytesThatFollowTheAgreementToSTARTTLS() throws {
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        _ = try request(.receiveGreeting).wait()
        let setup = try TLSClientSetup(host: "localhost", additionalTrustedCertificatesFile: nil)
        let startTLS = request(.startTLS(ByteBuffer(string: "STARTTLS\r\n"), setup))
        try channel.writeInbound(ByteBuffer(string: "220 go ahead\r\n250-injected\r\n"))

        #expect(error(of: startTLS) as? SMTPConnectionError == .dataAfterStartTLS)
        #expect(!channel.isActive)
    }

    @Test func aReplyNobodyAskedForEndsTheConnection() throws {
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        _ = try request(.receiveGreeting).wait()
        try channel.writeInbound(ByteBuffer(string: "250 surprise\r\n"))

        #expect(!channel.isActive)
        #expect(error(of: request(command("NOOP"))) != nil)
    }

    /// With implicit TLS the handshake can fail, and close the connection, before
    /// the greeting is asked for; the request then finds the channel closed, and
    /// the reason must outlive the channel's handlers for the greeting to report it.
    @Test func aFailureBeforeTheGreetingIsAskedForOutlivesTheClosedChannel() throws {
        struct HandshakeFailed: Error {}
        let failure = SMTPConnectionFailure()
        let channel = EmbeddedChannel(handler: SMTPClientHandler(failure: failure))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
        channel.pipeline.fireErrorCaught(HandshakeFailed())
        // The handler closed the channel; its going inactive is a later failure that must not replace the first.
        #expect(!channel.isActive)
        #expect(failure.recorded is HandshakeFailed)
    }
}
