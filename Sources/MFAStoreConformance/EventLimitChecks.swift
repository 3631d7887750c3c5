import Foundation
import MFACore
import Testing

/// `countEvents`: the request counters kept in the store, several limits at a time, all or nothing.
enum EventLimitChecks {
    static let all = [
        admitsUpToTheLimit, refusesOverTheLimit, opensANewWindow, keepsKeysApart,
        countsEveryLimitOfAnAdmittedRequest, countsNothingWhenOneLimitIsFull, answersTheLatestEndOfTheFullWindows,
        holdsEveryLimitOfConcurrentEvents, issuesALinkOnlyWhenEveryLimitHasRoom,
    ]

    static let fivePerMinute = RateLimit(count: 5, window: 60)

    /// One event for `key` under five per minute.
    static func event(_ key: String = "k", _ limit: RateLimit = fivePerMinute) -> [LimitedEvent] {
        [LimitedEvent(key: key, limit: limit)]
    }

    static let issuesALinkOnlyWhenEveryLimitHasRoom = StoreCheck(
        "issueLink(countingAgainst:) counts and issues the link with its mail, or, with a limit full, neither"
    ) { store async throws in
        let account = try await store.register()
        let limits = event("a", fivePerMinute) + event("b", RateLimit(count: 1, window: 60))
        let (first, second) = (Fixture.link(.login, subject: account.id), Fixture.link(.login, subject: account.id))
        let queuedBefore = try await store.claimMail(now: Fixture.start + 1, leaseUntil: Fixture.start + 2, limit: 100).count

        #expect(try await store.issueLink(first, mail: Fixture.mail(), countingAgainst: limits, now: Fixture.start) == nil)
        #expect(try await store.isUsable(first))
        #expect(try await store.issueLink(second, mail: Fixture.mail(), countingAgainst: limits, now: Fixture.start + 1) == Fixture.start + 60)
        #expect(try await store.isUsable(first))
        #expect(try await !store.isUsable(second))
        // One mail queued (the first link's), and "a" counted once: four more fit.
        #expect(try await store.claimMail(now: Fixture.start + 3, leaseUntil: Fixture.start + 4, limit: 100).count == queuedBefore + 1)
        for _ in 0..<4 { #expect(try await store.countEvents(event("a"), now: Fixture.start + 2) == nil) }
        #expect(try await store.countEvents(event("a"), now: Fixture.start + 2) == Fixture.start + 60)
    }

    static let admitsUpToTheLimit = StoreCheck("countEvents admits every event up to the limit") { store async throws in
        for second in 0..<5 {
            #expect(try await store.countEvents(event(), now: Fixture.start + Double(second)) == nil)
        }
    }

    static let refusesOverTheLimit = StoreCheck("countEvents refuses events over the limit with the end of the window") { store async throws in
        for _ in 0..<5 { _ = try await store.countEvents(event(), now: Fixture.start) }
        for second in [1.0, 30, 59] {
            #expect(try await store.countEvents(event(), now: Fixture.start + second) == Fixture.start + 60)
        }
    }

    static let opensANewWindow = StoreCheck("countEvents opens a new window when the old one ends") { store async throws in
        for _ in 0..<6 { _ = try await store.countEvents(event(), now: Fixture.start) }
        let nextWindow = Fixture.start + 60
        for _ in 0..<5 {
            #expect(try await store.countEvents(event(), now: nextWindow) == nil)
        }
        #expect(try await store.countEvents(event(), now: nextWindow + 1) == nextWindow + 60)
    }

    static let keepsKeysApart = StoreCheck("countEvents counts each key on its own") { store async throws in
        for _ in 0..<6 { _ = try await store.countEvents(event("address:a"), now: Fixture.start) }
        #expect(try await store.countEvents(event("address:b"), now: Fixture.start) == nil)
        #expect(try await store.countEvents(event("address:a"), now: Fixture.start) != nil)
    }

    static let countsEveryLimitOfAnAdmittedRequest = StoreCheck("countEvents counts an admitted request against every limit it names") { store async throws in
        let both = event("network") + event("total", RateLimit(count: 3, window: 3_600))
        for _ in 0..<3 { #expect(try await store.countEvents(both, now: Fixture.start) == nil) }
        // The total is full now, while the other limit has room left.
        #expect(try await store.countEvents(event("total", RateLimit(count: 3, window: 3_600)), now: Fixture.start) == Fixture.start + 3_600)
        for _ in 0..<2 { #expect(try await store.countEvents(event("network"), now: Fixture.start) == nil) }
        #expect(try await store.countEvents(event("network"), now: Fixture.start) == Fixture.start + 60)
    }

    static let countsNothingWhenOneLimitIsFull = StoreCheck("countEvents refused by one full limit counts against none of them") { store async throws in
        for _ in 0..<5 { _ = try await store.countEvents(event("full"), now: Fixture.start) }
        for _ in 0..<10 {
            #expect(try await store.countEvents(event("spare") + event("full"), now: Fixture.start) == Fixture.start + 60)
        }
        // "spare" was never counted: all five of its events are still there.
        for _ in 0..<5 { #expect(try await store.countEvents(event("spare"), now: Fixture.start) == nil) }
        #expect(try await store.countEvents(event("spare"), now: Fixture.start) != nil)
    }

    static let answersTheLatestEndOfTheFullWindows = StoreCheck("countEvents refused by several full limits answers the latest end among them") { store async throws in
        let hourly = RateLimit(count: 1, window: 3_600)
        let minutely = RateLimit(count: 1, window: 60)
        _ = try await store.countEvents(event("hour", hourly) + event("minute", minutely), now: Fixture.start)
        #expect(try await store.countEvents(event("minute", minutely) + event("hour", hourly), now: Fixture.start + 1) == Fixture.start + 3_600)
        // After the minute, only the hour is full; a limit with room never shortens the wait.
        #expect(try await store.countEvents(event("minute", minutely) + event("hour", hourly), now: Fixture.start + 61) == Fixture.start + 3_600)
        #expect(try await store.countEvents(event("minute", minutely), now: Fixture.start + 61) == nil)
    }

    static let holdsEveryLimitOfConcurrentEvents = StoreCheck(
        "50 concurrent countEvents from 5 networks, 4 per network and 12 in total: exactly 12 are admitted, at most 4 per network"
    ) { store async throws in
        let total = LimitedEvent(key: "total", limit: RateLimit(count: 12, window: 3_600))
        let results = await concurrently(RaceChecks.tasks) { index in
            let network = LimitedEvent(key: "network-\(index % 5)", limit: RateLimit(count: 4, window: 900))
            return (index % 5, try await store.countEvents([network, total], now: Fixture.start))
        }
        let admitted = try results.map { try $0.get() }.filter { $0.1 == nil }.map(\.0)
        #expect(admitted.count == 12)
        #expect((0..<5).allSatisfy { network in admitted.count { $0 == network } <= 4 })
        // Nothing refused was counted: the networks' counts add up to the total.
        var spare = 0
        for network in 0..<5 {
            let event = LimitedEvent(key: "network-\(network)", limit: RateLimit(count: 4, window: 900))
            while try await store.countEvents([event], now: Fixture.start) == nil { spare += 1 }
        }
        #expect(spare == 5 * 4 - 12)
    }
}
