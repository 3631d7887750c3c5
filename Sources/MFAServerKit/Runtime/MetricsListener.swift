import Hummingbird
import Logging
import Prometheus

/// The metrics listener (`MFA_METRICS_ADDRESS`): `GET /metrics` in the
/// Prometheus text format, and nothing else.
///
/// It is a listener of its own because the counters tell what the public
/// side must not: how many links were mailed, how many logins failed. Bound
/// to loopback or an internal network, only the scraper reaches it.
enum MetricsListener {
    /// The path Prometheus scrapes.
    static let path = "/metrics"
    /// The Prometheus text exposition format, version 0.0.4.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The router: `GET` and `HEAD /metrics` report `registry`; anything else is 404.
    static func router(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.get(RouterPath(path)) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: contentType],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        return router
    }

    /// The listener's service on `address`, which logs "Metrics listening" with the port it bound.
    static func application(address: ListenAddress, registry: PrometheusCollectorRegistry, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(registry: registry),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: nil),
            onServerRunning: { channel in
                let bound = ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
                logger.info("Metrics listening", metadata: ["address": .string(bound.description)])
            },
            logger: logger
        )
    }
}
