import Foundation

/// Times as the contract writes them: RFC 3339 in UTC, whole seconds, e.g. `2026-11-25T14:03:07Z`.
enum RFC3339 {
    static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
