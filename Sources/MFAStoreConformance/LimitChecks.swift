import Foundation
import MFACore
import Testing

/// `countEvent` and `recordFailure`: the limit counters kept in the store.
enum LimitChecks {
    static let all = [
        admitsUpToTheLimit, refusesOverTheLimit, opensANewWindow, keepsKeysApart,
        locksAtMaxFailures, countsAgainAfterALock, ignoresFailuresOfUnknownAccounts,
    ]

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

    static let locksAtMaxFailures = StoreCheck("recordFailure locks the account at maxFailures and returns the end of the lock") { store in
        let account = try await store.register()
        for _ in 0..<2 {
            #expect(try await store.recordFailure(accountID: account.id, maxFailures: 3, lockDuration: 900, now: Fixture.start) == nil)
        }
        #expect(try await store.account(id: account.id)?.consecutiveFailures == 2)
        #expect(try await store.account(id: account.id)?.lockedUntil == nil)

        let lockEnd = try await store.recordFailure(accountID: account.id, maxFailures: 3, lockDuration: 900, now: Fixture.start + 10)
        #expect(lockEnd == Fixture.start + 910)
        #expect(try await store.account(id: account.id)?.lockedUntil == Fixture.start + 910)
    }

    static let countsAgainAfterALock = StoreCheck("recordFailure starts counting from zero after a lock") { store in
        let account = try await store.register()
        for _ in 0..<3 { _ = try await store.recordFailure(accountID: account.id, maxFailures: 3, lockDuration: 900, now: Fixture.start) }
        #expect(try await store.account(id: account.id)?.consecutiveFailures == 0)

        let later = Fixture.start + 1_000
        for _ in 0..<2 {
            #expect(try await store.recordFailure(accountID: account.id, maxFailures: 3, lockDuration: 900, now: later) == nil)
        }
        #expect(try await store.recordFailure(accountID: account.id, maxFailures: 3, lockDuration: 900, now: later) == later + 900)
    }

    static let ignoresFailuresOfUnknownAccounts = StoreCheck("recordFailure on an unknown account returns nil and creates nothing") { store async throws in
        let id = Fixture.id()
        #expect(try await store.recordFailure(accountID: id, maxFailures: 1, lockDuration: 900, now: Fixture.start) == nil)
        #expect(try await store.account(id: id) == nil)
    }
}
