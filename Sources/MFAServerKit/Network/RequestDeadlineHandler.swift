import Logging
import NIOCore

/// Closes a connection whose request has not fully arrived within the
/// deadline (`MFA_REQUEST_TIMEOUT_SECONDS`) of its first byte.
///
/// It sits first in the pipeline, before the HTTP decoder, so that it sees
/// the bytes of a request whose headers never end: a slowloris client that
/// sends one header byte every few seconds is never idle, and Hummingbird's
/// idle timeout would never fire. The clock starts at the first byte after
/// the previous request was read, and stops when ``RequestEndMarker``
/// reports the request's end; the time the server then takes to answer does
/// not count.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// The event ``RequestEndMarker`` sends down the pipeline when a request has been read.
    struct RequestRead {}

    private let timeout: TimeAmount
    private let logger: Logger
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if deadline == nil {
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
                deadline = nil
                logger.debug("A request did not arrive within its deadline; closing the connection")
                context.close(promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is RequestRead else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        cancelDeadline()
        promise?.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }
}
