import Hummingbird
import MFACore

/// `/health` for load balancers, `/metrics` for Prometheus, and the API's own
/// documentation: `/openapi.json` and `/docs`.
extension RouteHandlers {
    func health(_ success: Endpoint.Success) -> RouteHandler {
        { _, _ in
            try await service.checkHealth()
            return try .json(HealthBody(status: "ok"), status: success.httpStatus)
        }
    }

    func metrics(_ success: Endpoint.Success) -> RouteHandler {
        { _, _ in
            Response(
                status: success.httpStatus,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer()))
            )
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
