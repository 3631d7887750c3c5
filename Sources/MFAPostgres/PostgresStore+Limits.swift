import Foundation
import MFACore

extension PostgresStore {
    public func countEvents(_ events: [LimitedEvent], now: Date) async throws -> Date? {
        do {
            return try await transaction { db in
                // Each window is locked (and an expired one restarted) by the upsert, in
                // key order so that two requests counting the same keys cannot deadlock;
                // a new window starts at 0 and is counted below only if nothing is full.
                var fullUntil: Date?
                for event in events.sorted(by: { $0.key < $1.key }) {
                    let window = try await db.rows("""
                        INSERT INTO limit_window AS w (key, started_at, event_count, ends_at)
                        VALUES (\(event.key), \(now), 0, \(now + event.limit.window))
                        ON CONFLICT (key) DO UPDATE SET
                            started_at = CASE WHEN w.ends_at > \(now) THEN w.started_at ELSE excluded.started_at END,
                            event_count = CASE WHEN w.ends_at > \(now) THEN w.event_count ELSE 0 END,
                            ends_at = CASE WHEN w.ends_at > \(now) THEN w.ends_at ELSE excluded.ends_at END
                        RETURNING event_count, ends_at
                        """)
                    guard let (count, endsAt) = try window.first?.decode((Int, Date).self) else { continue }
                    if count >= event.limit.count { fullUntil = max(fullUntil ?? endsAt, endsAt) }
                }
                // A refused request counts against none: throwing rolls the restarts back too.
                if let fullUntil { throw LimitReached(until: fullUntil) }
                try await db.run("UPDATE limit_window SET event_count = event_count + 1 WHERE key = ANY(\(events.map(\.key)))")
                return nil
            }
        } catch let full as LimitReached {
            return full.until
        }
    }
}

/// Ends a limit count's transaction without counting anything.
private struct LimitReached: OperationAnswer {
    let until: Date
}
