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
///
/// A connection has at most one timer, not one per request: at its hour it
/// closes the connection if the request being read started a deadline ago,
/// or else waits for that request's deadline, or stops when no request is
/// being read (the next one's first byte starts it again). Scheduling and
/// cancelling a timer for each request of a busy connection cost more than
/// the route `/health` itself.
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let logger: Logger
    /// When the first byte of the request being read arrived; `nil` between requests.
    private var requestStart: NIODeadline?
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if requestStart == nil {
            let now = context.eventLoop.now
            requestStart = now
            if timer == nil { startTimer(at: now + timeout, context: context) }
        }
        context.fireChannelRead(data)
    }

    /// Stops the clock: the request has been read to its end (``RequestEndMarker``).
    func requestRead() {
        requestStart = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimer()
    }

    private func startTimer(at deadline: NIODeadline, context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            guard let requestStart else { return }
            let requestDeadline = requestStart + timeout
            guard requestDeadline <= context.eventLoop.now else {
                startTimer(at: requestDeadline, context: context)
                return
            }
            logger.debug("A request did not arrive within its deadline; closing the connection")
            context.close(promise: nil)
        }
    }

    private func stopTimer() {
        timer?.cancel()
        timer = nil
    }
}
