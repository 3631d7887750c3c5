import NIOCore

/// What the async side asks of ``SMTPClientHandler``: one step of the dialogue and where its reply goes.
struct SMTPRequest: Sendable {
    enum Action: Sendable {
        /// Wait for the server's greeting, which may already have arrived.
        case receiveGreeting
        /// Send these bytes (a command line or the message data) and wait for the reply.
        case send(ByteBuffer)
        /// Send `STARTTLS`; on a 220 reply, complete the TLS handshake before answering.
        case startTLS(ByteBuffer, TLSClientSetup)
    }

    var action: Action
    /// How long the reply (and the handshake, for STARTTLS) may take.
    var timeout: TimeAmount
    var reply: EventLoopPromise<SMTPReply>
}
