import Hummingbird
import MFACore

/// `/health` for load balancers and the API's own documentation:
/// `/openapi.json` and `/docs`. (`/metrics` has its own listener, ``MetricsListener``.)
extension RouteHandlers {
    func health(_ success: Endpoint.Success) -> RouteHandler {
        // The same bytes every time: encoded once, as load balancers ask often.
        let body = try! Response.json(HealthBody(status: "ok"), status: success.httpStatus)
        return { _, _ in
            try await service.checkHealth()
            return body
        }
    }

    func openAPIDocument(_ success: Endpoint.Success) -> RouteHandler {
        { _, _ in
            Response(
                status: success.httpStatus,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: APIDocumentation.openAPIDocument))
            )
        }
    }

    func referencePage(_ success: Endpoint.Success) -> RouteHandler {
        { _, _ in .page(APIDocumentation.referencePage, status: success.httpStatus) }
    }
}
