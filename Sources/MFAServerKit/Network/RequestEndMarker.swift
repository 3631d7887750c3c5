import NIOCore
import NIOHTTPTypes

/// Tells ``RequestDeadlineHandler`` that a request has been read to its end.
///
/// It sits after the HTTP decoder, where a request's end is a part of its
/// own; the deadline handler, before the decoder, sees only bytes.
final class RequestEndMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestDeadlineHandler.RequestRead(), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
