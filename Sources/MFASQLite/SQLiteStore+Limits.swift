import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date? {
        try await write { db in try db.count(events, now: now) }
    }

    public func issueLink(_ link: LinkRecord, mail: QueuedMail, countingAgainst events: [LimitedEvent], now: Date) async throws -> Date? {
        try await write { db in
            if let retryAt = try db.count(events, now: now) { return retryAt }
            try db.replaceLinks(with: link)
            try db.insert(mail)
            return nil
        }
    }
}

extension Database {
    /// Counts against `events`, all or nothing, as ``MFAStore/countEvents(_:now:)`` promises.
    func count(_ events: [LimitedEvent], now: Date) throws -> Date? {
        let counts = try events.map { event in
            let window = try first(
                sql: "SELECT event_count, ends_at FROM limit_window WHERE key = ? AND ends_at > ?", arguments: [event.key, now.storedValue]
            ) { row -> (count: Int, endsAt: Date) in (row["event_count"], row.date("ends_at")) }
            return (event: event, window: window)
        }
        let fullUntil = counts.compactMap { event, window -> Date? in
            guard let window, window.count >= event.limit.count else { return nil }
            return window.endsAt
        }.max()
        guard fullUntil == nil else { return fullUntil }
        for (event, window) in counts {
            if window == nil {
                try run(
                    sql: "INSERT OR REPLACE INTO limit_window (key, started_at, event_count, ends_at) VALUES (?, ?, 1, ?)",
                    arguments: [event.key, now.storedValue, (now + event.limit.window).storedValue]
                )
            } else {
                try run(sql: "UPDATE limit_window SET event_count = event_count + 1 WHERE key = ?", arguments: [event.key])
            }
        }
        return nil
    }
}
