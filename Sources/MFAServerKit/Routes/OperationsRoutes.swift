import Hummingbird
import MFACore
import MFAWebPages
import Prometheus

/// `/health` for load balancers, `/metrics` for Prometheus, and the API's own
/// documentation: `/openapi.json` and `/docs`.
struct OperationsRoutes {
    let service: MFAService
    let metrics: PrometheusCollectorRegistry

    var all: [Route] {
        [
            Route(.get, "/health") { _, _ in
                try await service.checkHealth()
                return try .json(HealthBody(status: "ok"), status: .ok)
            },
            Route(.get, "/metrics") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer()))
                )
            },
            Route(.get, "/openapi.json") { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: APIDocumentation.openAPIDocument))
                )
            },
            Route(.get, "/docs") { _, _ in
                .page(APIDocumentation.referencePage, status: .ok)
            },
        ]
    }
}
