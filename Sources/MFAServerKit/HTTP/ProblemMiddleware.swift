import Hummingbird
import Logging
import MFACore
import NIOCore

/// Turns every error a route throws into the contract's problem answer, and
/// the router's "not found" into `404` or, for a known path, `405`.
///
/// Errors that are not an ``HTTPProblem`` are `500 internal_error`; they are logged
/// by type only, since their text might carry request data.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = MFARequestContext

    let routes: [Route]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as any HTTPProblem {
            return try problem.response()
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(servedAt: request.uri.path)
            return try (allowed.isEmpty ? RequestError.notFound : .methodNotAllowed(allowed: allowed)).response()
        } catch is NIOTooManyBytesError {
            return try RequestError.payloadTooLarge.response()
        } catch {
            context.logger.error("Request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return try MFAError.internal.response()
        }
    }
}
