import NIOCore
import NIOTLS

/// Turns ``SMTPRequest`` values into bytes on the wire and answers each with the server's next reply.
///
/// One request at a time (no pipelining). Every request has a timeout; when it
/// fires, or the connection fails, the pending request fails and the channel closes.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private struct Exchange {
        var reply: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>
        var tlsUpgrade: TLSClientSetup?
    }

    private enum State {
        /// Connected; the greeting may arrive before anyone asks for it.
        case awaitingGreetingRequest(greeting: SMTPReply?)
        case idle
        case awaitingReply(Exchange)
        /// STARTTLS was accepted; its reply is handed over once TLS is up.
        case awaitingHandshake(Exchange, SMTPReply)
        case failed(any Error)
    }

    private var state = State.awaitingGreetingRequest(greeting: nil)
    private var parser = SMTPReplyParser()
    private let failure: SMTPConnectionFailure

    /// A handler that keeps the error its connection first fails with in `failure`.
    init(failure: SMTPConnectionFailure = SMTPConnectionFailure()) {
        self.failure = failure
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        switch (state, request.action) {
        case (.failed(let error), _):
            request.reply.fail(error)
            promise?.fail(error)
        case (.awaitingGreetingRequest(let greeting?), .receiveGreeting):
            state = .idle
            request.reply.succeed(greeting)
            promise?.succeed()
        case (.awaitingGreetingRequest(greeting: nil), .receiveGreeting):
            state = .awaitingReply(exchange(for: request, upgrade: nil, context: context))
            promise?.succeed()
        case (.idle, .send(let bytes)):
            state = .awaitingReply(exchange(for: request, upgrade: nil, context: context))
            context.write(wrapOutboundOut(bytes), promise: promise)
        case (.idle, .startTLS(let bytes, let setup)):
            state = .awaitingReply(exchange(for: request, upgrade: setup, context: context))
            context.write(wrapOutboundOut(bytes), promise: promise)
        default:
            preconditionFailure("SMTP requests must come one at a time, after the greeting")
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        parser.append(&bytes)
        do {
            while let reply = try parser.nextReply() {
                try receive(reply, context: context)
            }
        } catch {
            fail(with: error, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .awaitingHandshake(let exchange, let reply) = state,
           case .handshakeCompleted = event as? TLSUserEvent
        {
            state = .idle
            exchange.timeout.cancel()
            exchange.reply.succeed(reply)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(with: SMTPConnectionError.connectionClosed, context: context)
        context.fireChannelInactive()
    }

    private func receive(_ reply: SMTPReply, context: ChannelHandlerContext) throws {
        switch state {
        case .awaitingGreetingRequest(greeting: nil):
            state = .awaitingGreetingRequest(greeting: reply)
        case .awaitingReply(let exchange):
            if let upgrade = exchange.tlsUpgrade, reply.code == 220 {
                guard parser.isEmpty else { throw SMTPConnectionError.dataAfterStartTLS }
                state = .awaitingHandshake(exchange, reply)
                try context.pipeline.syncOperations.addHandler(upgrade.makeHandler(), position: .first)
            } else {
                state = .idle
                exchange.timeout.cancel()
                exchange.reply.succeed(reply)
            }
        case .awaitingGreetingRequest(greeting: _?), .idle, .awaitingHandshake:
            throw SMTPConnectionError.unsolicitedReply
        case .failed:
            break
        }
    }

    private func exchange(for request: SMTPRequest, upgrade: TLSClientSetup?, context: ChannelHandlerContext)
        -> Exchange
    {
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) {
            self.fail(with: SMTPConnectionError.timedOut, context: context)
        }
        return Exchange(reply: request.reply, timeout: timeout, tlsUpgrade: upgrade)
    }

    /// Fails the pending request, if any, and closes the connection; later requests fail with `error` too.
    private func fail(with error: any Error, context: ChannelHandlerContext) {
        switch state {
        case .failed:
            return
        case .awaitingReply(let exchange), .awaitingHandshake(let exchange, _):
            exchange.timeout.cancel()
            exchange.reply.fail(error)
        case .awaitingGreetingRequest, .idle:
            break
        }
        failure.record(error)
        state = .failed(error)
        context.close(promise: nil)
    }
}
