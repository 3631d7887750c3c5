import Foundation
import MFACore
import Testing

/// `recordFailure`: the failure counters kept in the store.
enum LimitChecks {
    static let all = [
        locksAtMaxFailures, countsAgainAfterALock, ignoresFailuresOfUnknownAccounts,
    ]

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
