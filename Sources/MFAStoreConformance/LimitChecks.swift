import Foundation
import MFACore
import Testing

/// `countEvent` and `recordFailure`: the limit counters kept in the store.
enum LimitChecks {
    static let all = [
        admitsUpToTheLimit, refusesOverTheLimit, opensANewWindow, keepsKeysApart,
    ] + FailureChecks.all

    static let fivePerMinute = RateLimit(count: 5, window: 60)

    static let admitsUpToTheLimit = StoreCheck("countEvent admits every event up to the limit") { store async throws in
        for second in 0..<5 {
            #expect(try await store.countEvent(key: "k", limit: fivePerMinute, now: Fixture.start + Double(second)) == nil)
        }
    }

    static let refusesOverTheLimit = StoreCheck("countEvent refuses events over the limit with the end of the window") { store in
        for _ in 0..<5 { _ = try await store.countEvent(key: "k", limit: fivePerMinute, now: Fixture.start) }
        for second in [1.0, 30, 59] {
            #expect(try await store.countEvent(key: "k", limit: fivePerMinute, now: Fixture.start + second) == Fixture.start + 60)
        }
    }

    static let opensANewWindow = StoreCheck("countEvent opens a new window when the old one ends") { store in
        for _ in 0..<6 { _ = try await store.countEvent(key: "k", limit: fivePerMinute, now: Fixture.start) }
        let nextWindow = Fixture.start + 60
        for _ in 0..<5 {
            #expect(try await store.countEvent(key: "k", limit: fivePerMinute, now: nextWindow) == nil)
        }
        #expect(try await store.countEvent(key: "k", limit: fivePerMinute, now: nextWindow + 1) == nextWindow + 60)
    }

    static let keepsKeysApart = StoreCheck("countEvent counts each key on its own") { store in
        for _ in 0..<6 { _ = try await store.countEvent(key: "address:a", limit: fivePerMinute, now: Fixture.start) }
        #expect(try await store.countEvent(key: "address:b", limit: fivePerMinute, now: Fixture.start) == nil)
        #expect(try await store.countEvent(key: "address:a", limit: fivePerMinute, now: Fixture.start) != nil)
    }
}
