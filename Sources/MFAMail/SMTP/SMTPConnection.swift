import NIOCore
import NIOPosix

/// One TCP connection to an SMTP server, driven step by step from async code.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let greetingReply: EventLoopFuture<SMTPReply>

    private init(channel: any Channel, greetingReply: EventLoopFuture<SMTPReply>) {
        self.channel = channel
        self.greetingReply = greetingReply
    }

    /// Connects; with `implicitTLS`, TLS starts before the first byte of SMTP.
    static func open(
        host: String,
        port: Int,
        connectTimeout: Duration,
        greetingTimeout: Duration,
        implicitTLS: TLSClientSetup?,
        group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let failure = SMTPConnectionFailure()
        let connected = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(implicitTLS.makeHandler())
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(failure: failure))
                }
            }
            .connect(host: host, port: port)
        // Asked for on the event loop the moment the connection exists, so that a failure before
        // the greeting, such as a refused certificate, reaches this request instead of vanishing
        // with the closed channel's handlers; if the channel closed before the request reached
        // it (the connect future's callbacks ran late), the reason is the failure the handler kept.
        let greetingReply = connected.flatMap { channel in
            request(.receiveGreeting, timeout: greetingTimeout, on: channel)
                .flatMapErrorThrowing { error in throw failure.recorded ?? error }
        }
        return SMTPConnection(channel: try await connected.get(), greetingReply: greetingReply)
    }

    /// The server's greeting.
    func greeting() async throws -> SMTPReply {
        try await greetingReply.get()
    }

    /// Sends one command line (CRLF is added) and returns the reply.
    func send(_ command: String, timeout: Duration) async throws -> SMTPReply {
        try await perform(.send(line(command)), timeout: timeout)
    }

    /// Sends message data that is already dot-stuffed and terminated, and returns the reply.
    func send(data: [UInt8], timeout: Duration) async throws -> SMTPReply {
        try await perform(.send(channel.allocator.buffer(bytes: data)), timeout: timeout)
    }

    /// Sends `STARTTLS`; when the reply is 220, it is returned only after the TLS handshake succeeded.
    func startTLS(_ setup: TLSClientSetup, timeout: Duration) async throws -> SMTPReply {
        try await perform(.startTLS(line("STARTTLS"), setup), timeout: timeout)
    }

    func close() async {
        try? await channel.close()
    }

    private func line(_ command: String) -> ByteBuffer {
        var buffer = channel.allocator.buffer(capacity: command.utf8.count + 2)
        buffer.writeString(command)
        buffer.writeString("\r\n")
        return buffer
    }

    private func perform(_ action: SMTPRequest.Action, timeout: Duration) async throws -> SMTPReply {
        try await Self.request(action, timeout: timeout, on: channel).get()
    }

    private static func request(
        _ action: SMTPRequest.Action,
        timeout: Duration,
        on channel: any Channel
    ) -> EventLoopFuture<SMTPReply> {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        // A request that never reaches the handler (the channel closed first) fails here instead.
        channel.writeAndFlush(SMTPRequest(action: action, timeout: TimeAmount(timeout), reply: reply))
            .whenFailure { reply.fail($0) }
        return reply.futureResult
    }
}
