import Hummingbird
import MFACore

/// Builds the router of `mfa-server`: the contract's routes behind the
/// middleware every answer passes through.
public enum MFARouter {
    /// Every route the server serves: the endpoint table's, with their handlers.
    public static func routes(service: MFAService) -> [Route] {
        let handlers = RouteHandlers(service: service)
        return Endpoints.all.map { $0.route(handlers) }
    }

    /// The router for `service`, reporting to ``ServerMetrics/registry``, taking
    /// the client from the forwarding headers of `trustedProxies`.
    ///
    /// Middleware runs outermost first: the client is known before anything
    /// counts or logs the request; the request log sees the final
    /// status; metrics count every answer, errors included, because the
    /// problem middleware has turned errors into answers by then.
    public static func build(service: MFAService, trustedProxies: TrustedProxies = TrustedProxies()) -> Router<MFARequestContext> {
        let routes = routes(service: service)
        // Every GET also answers HEAD (RFC 9110 §9.3.2), as health checkers expect.
        let router = Router(context: MFARequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ForwardedClientMiddleware(trustedProxies: trustedProxies))
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware(routes: routes))
        for route in routes {
            router.on(RouterPath(route.path), method: route.method, use: route.handler)
        }
        return router
    }
}
