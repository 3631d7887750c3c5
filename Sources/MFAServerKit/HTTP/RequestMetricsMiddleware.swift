import Dispatch
import Hummingbird
import Metrics
import Synchronization

/// Counts and times every request under the labels of Hummingbird's
/// `MetricsMiddleware`: requests by route, method and status, their duration,
/// errors, and the requests in flight.
///
/// Hummingbird's middleware records once the body is written, by wrapping the
/// body in a closure. A closure body makes Hummingbird write the head, the body
/// and the end as three writes, each its own hop to the event loop and the
/// first two their own system call, where a body held in a buffer goes out in
/// one. Every body of this server is a buffer made before the handler returns,
/// so a request's time ends when the answer is made; its writing is the
/// event loop's and not the handler's.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = MFARequestContext

    private let metrics = RequestMetricsCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        // Only a request no route matched has no endpoint.
        let endpoint = context.endpointPath ?? "NotFound"
        let inFlight = metrics.inFlight(method: request.method)
        inFlight.increment()
        defer { inFlight.decrement() }
        do {
            let response = try await next(request, context)
            let route = metrics.route(endpoint, method: request.method, status: response.status)
            route.requests.increment()
            route.duration.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            let route = metrics.route(endpoint, method: request.method, status: status)
            route.requests.increment()
            route.errors.increment()
            throw error
        }
    }
}

/// The metric objects of each method and of each (route, method, status), made
/// once: the metrics factory's own lookup builds label strings every time.
private final class RequestMetricsCache: Sendable {
    struct Route: Sendable {
        let requests: Counter
        let duration: Metrics.Timer
        let errors: Counter
    }

    private struct RouteKey: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: HTTPResponse.Status
    }

    private let methods = Mutex<[HTTPRequest.Method: Meter]>([:])
    private let routes = Mutex<[RouteKey: Route]>([:])

    func inFlight(method: HTTPRequest.Method) -> Meter {
        methods.withLock { methods in
            if let meter = methods[method] { return meter }
            let meter = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)])
            methods[method] = meter
            return meter
        }
    }

    func route(_ route: String, method: HTTPRequest.Method, status: HTTPResponse.Status) -> Route {
        routes.withLock { routes in
            let key = RouteKey(route: route, method: method, status: status)
            if let metrics = routes[key] { return metrics }
            let labels = [("http.route", route), ("http.request.method", method.rawValue)]
            let status = String(status.code)
            let metrics = Route(
                requests: Counter(label: "hb.requests", dimensions: labels + [("http.response.status_code", status)]),
                duration: Metrics.Timer(
                    label: "http.server.request.duration",
                    dimensions: labels + [("http.response.status_code", status)],
                    preferredDisplayUnit: .seconds
                ),
                errors: Counter(label: "hb.request.errors", dimensions: labels + [("error.type", status)])
            )
            routes[key] = metrics
            return metrics
        }
    }
}
