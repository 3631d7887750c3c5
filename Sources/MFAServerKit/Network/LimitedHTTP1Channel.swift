import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with the ``ConnectionLimits``' timeouts:
/// its own idle timeout, and ``RequestDeadlineHandler`` in front of its decoder.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    private let base: HTTP1Channel
    private let requestTimeout: TimeAmount

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits) {
        base = HTTP1Channel(
            responder: responder,
            configuration: .init(additionalChannelHandlers: [RequestEndMarker()], idleTimeout: .seconds(Int64(limits.idleTimeout)))
        )
        requestTimeout = .seconds(Int64(limits.requestTimeout))
    }

    /// Puts the deadline handler first, then Hummingbird's HTTP/1.1 pipeline after it.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(RequestDeadlineHandler(timeout: requestTimeout, logger: logger))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return base.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the idle timeout and request deadline of `limits`.
    static func http1(limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in LimitedHTTP1Channel(responder: responder, limits: limits) }
    }
}
