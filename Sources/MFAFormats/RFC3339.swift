import Foundation

/// Times as the contract writes them: RFC 3339 in UTC, e.g. `2026-11-25T14:03:07Z`.
///
/// The one formatter of the package: JSON answers, pages and JSON log lines use it.
public enum RFC3339 {
    /// `date` in UTC with whole seconds, or with milliseconds when `fractionalSeconds` is set (for logs).
    public static func string(from date: Date, fractionalSeconds: Bool = false) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: fractionalSeconds, timeZone: .gmt))
    }
}
