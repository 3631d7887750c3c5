import Hummingbird
import MFACore
import Prometheus

/// `/health` for load balancers and `/metrics` for Prometheus.
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
        ]
    }
}
