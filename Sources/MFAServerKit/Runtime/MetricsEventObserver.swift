import MFACore
import Metrics

/// Records MFACore's events into swift-metrics: logins, emails and
/// password-hash durations.
///
public struct MetricsEventObserver: MFAEventObserver {
    private let loginsSucceeded: Counter
    private let loginsFailed: Counter
    private let mailQueued: Counter
    private let mailSent: Counter
    private let mailRetried: Counter
    private let mailFailed: Counter
    private let mailDropped: Counter
    private let passwordHashDuration: Timer

    /// Creates the observer and its metrics in ``ServerMetrics/registry``.
    public init() {
        // The metrics bind to the factory bootstrapped when they are made.
        _ = ServerMetrics.registry
        loginsSucceeded = Counter(label: "mfa_logins_total", dimensions: [("result", "succeeded")])
        loginsFailed = Counter(label: "mfa_logins_total", dimensions: [("result", "failed")])
        mailQueued = Counter(label: "mfa_emails_queued_total")
        mailSent = Counter(label: "mfa_email_deliveries_total", dimensions: [("outcome", "sent")])
        mailRetried = Counter(label: "mfa_email_deliveries_total", dimensions: [("outcome", "retried")])
        mailFailed = Counter(label: "mfa_email_deliveries_total", dimensions: [("outcome", "failed")])
        mailDropped = Counter(label: "mfa_email_deliveries_total", dimensions: [("outcome", "dropped")])
        passwordHashDuration = Timer(label: ServerMetrics.passwordHashDurationLabel)
    }

    /// Counts `event`, or records its duration.
    public func record(_ event: MFAEvent) {
        switch event {
        case .loginSucceeded: loginsSucceeded.increment()
        case .loginFailed: loginsFailed.increment()
        case .mailQueued: mailQueued.increment()
        case .mailSent: mailSent.increment()
        case .mailRetried: mailRetried.increment()
        case .mailFailed: mailFailed.increment()
        case .mailDropped: mailDropped.increment()
        case .passwordHashed(let duration): passwordHashDuration.recordNanoseconds(duration.nanoseconds)
        case .security: break  // the security log's (SecurityEventLog), not a metric
        }
    }
}

extension Duration {
    /// Whole nanoseconds, as swift-metrics timers take them.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
