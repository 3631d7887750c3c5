import Hummingbird
import Logging

/// Logs one line per request: method, path, status, duration, the client's
/// network and, when a trusted proxy reported it, the scheme the client used.
///
/// Hummingbird's `LogRequestsMiddleware` logs the whole URI, whose query
/// carries one-time tokens; this logs the path only, and never a header or body.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = MFARequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        // The line's fields cost more to build than the route /health itself.
        guard context.logger.logLevel <= .info else { return response }
        let elapsed = ContinuousClock.now - start
        var metadata: Logger.Metadata = [
            "http.method": .string(request.method.rawValue),
            "http.path": .string(request.uri.path),
            "http.status": .stringConvertible(response.status.code),
            "duration.ms": .stringConvertible(elapsed.milliseconds),
            SecurityLogField.clientNetwork: .string(context.clientNetwork.key),
        ]
        if let scheme = context.client.scheme { metadata["http.scheme"] = .string(scheme) }
        context.logger.info("Request", metadata: metadata)
        return response
    }
}

extension Duration {
    /// Whole milliseconds, for logs.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
