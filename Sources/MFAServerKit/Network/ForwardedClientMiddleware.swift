import HTTPTypes
import Hummingbird

/// Finds the client behind a trusted proxy (``TrustedProxies``) and puts it
/// in the request context, before anything counts or logs the request.
struct ForwardedClientMiddleware: RouterMiddleware {
    typealias Context = MFARequestContext

    let trustedProxies: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.ranges.isEmpty else { return try await next(request, context) }
        var context = context
        context.client = trustedProxies.client(
            peer: context.client.address,
            forwardedFor: request.headers[values: .forwardedFor],
            forwardedProto: request.headers[.forwardedProto]
        )
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For`: the addresses a request passed through, client first.
    static let forwardedFor = Self("X-Forwarded-For")!
    /// `X-Forwarded-Proto`: the scheme the client used to reach the first proxy.
    static let forwardedProto = Self("X-Forwarded-Proto")!
}
