import Metrics
import Prometheus

/// The process's metrics: swift-metrics backed by one Prometheus registry.
public enum ServerMetrics {
    /// The registry `/metrics` reports. The first use bootstraps swift-metrics
    /// with it; a process can bootstrap swift-metrics only once.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in (prometheusNames[name] ?? name, labels) }
        factory.durationHistogramBuckets[passwordHashDurationLabel] = [
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Bootstraps swift-metrics with ``registry``, if that has not happened yet.
    public static func bootstrap() {
        _ = registry
    }

    static let passwordHashDurationLabel = "mfa_password_hash_duration_seconds"

    /// Hummingbird's metric labels, renamed to Prometheus's conventions.
    private static let prometheusNames = [
        "hb.requests": "http_requests_total",
        "hb.request.errors": "http_request_errors_total",
        "http.server.request.duration": "http_server_request_duration_seconds",
        "http.server.active_requests": "http_server_active_requests",
    ]
}
