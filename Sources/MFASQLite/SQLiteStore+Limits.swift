import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date? {
        try await write { db in
            var counts: [(event: LimitedEvent, window: Row?)] = []
            for event in events {
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT event_count, ends_at FROM limit_window WHERE key = ? AND ends_at > ?"),
                    arguments: [event.key, now.storedValue]
                )
                counts.append((event, row))
            }
            let fullUntil = counts.compactMap { event, window -> Date? in
                guard let window, window["event_count"] as Int >= event.limit.count else { return nil }
                return window.date("ends_at")
            }.max()
            guard fullUntil == nil else { return fullUntil }
            for (event, window) in counts {
                if window == nil {
                    try db.run(
                        sql: "INSERT OR REPLACE INTO limit_window (key, started_at, event_count, ends_at) VALUES (?, ?, 1, ?)",
                        arguments: [event.key, now.storedValue, (now + event.limit.window).storedValue]
                    )
                } else {
                    try db.run(sql: "UPDATE limit_window SET event_count = event_count + 1 WHERE key = ?", arguments: [event.key])
                }
            }
            return nil
        }
    }
}
