import Logging

/// The process's logging and metrics, bootstrapped together at launch.
public enum Observability {
    /// Bootstraps swift-log (text or JSON lines at `level`) and swift-metrics
    /// (Prometheus, ``ServerMetrics/registry``): the one place the server does
    /// it, before anything logs or counts. A process can bootstrap each once.
    public static func bootstrap(format: LogFormat, level: Logger.Level) {
        ServerLogging.bootstrap(format: format, level: level)
        ServerMetrics.bootstrap()
    }
}
