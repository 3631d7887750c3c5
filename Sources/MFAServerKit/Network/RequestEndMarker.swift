import NIOCore
import NIOHTTPTypes

/// Tells ``RequestDeadlineHandler`` that a request has been read to its end.
///
/// It sits after the HTTP decoder, where a request's end is a part of its
/// own; the deadline handler, before the decoder, sees only bytes. It finds
/// the deadline handler of its channel once, when added, and calls it
/// directly: both run on the channel's event loop.
final class RequestEndMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private var deadline: RequestDeadlineHandler?

    func handlerAdded(context: ChannelHandlerContext) {
        // There by construction: LimitedHTTP1Channel adds it before the decoder.
        deadline = try? context.pipeline.syncOperations.handler(type: RequestDeadlineHandler.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            deadline?.requestRead()
        }
        context.fireChannelRead(data)
    }
}
