import Foundation
import MFACore
import Testing

/// `recordFailure` and what `commit` checks of it: consecutive failures,
/// escalating locks, the ceiling, link attempts, and the notices. Every check
/// uses ``Fixture/policy``: a lock every 3 failures, 900 s doubling up to 3600 s,
/// TOTP refused from 9 failures.
enum FailureChecks {
    static let all = [
        countsFailuresAndLocks, escalatesEachLock, countsNothingWhileLocked, countsTheLinksAttempt,
        countsNothingOnAnUnusableLink, countsALinkWithoutAnAccount, queuesTheNotices,
        commitRefusesWhileLocked, commitRefusesTOTPAtTheCeiling, commitRefusesABurnedLink, queuesTheRecoveryCodeNotice,
    ]

    static let countsFailuresAndLocks = StoreCheck("recordFailure counts consecutive failures and locks at the failuresPerLock-th") { store in
        let account = try await store.register()
        #expect(try await store.fail(account.id) == .counted(failures: 1, lockedUntil: nil))
        #expect(try await store.fail(account.id) == .counted(failures: 2, lockedUntil: nil))
        #expect(try await store.account(id: account.id)?.lockedUntil == nil)
        #expect(try await store.fail(account.id, at: Fixture.start + 10) == .counted(failures: 3, lockedUntil: Fixture.start + 910))
        let stored = try #require(try await store.account(id: account.id))
        #expect(stored.consecutiveFailures == 3)
        #expect(stored.lockedUntil == Fixture.start + 910)
    }

    static let escalatesEachLock = StoreCheck("recordFailure doubles each further lock of a series, at most maxLock") { store in
        let account = try await store.register()
        var now = Fixture.start
        for (series, duration) in [900.0, 1_800, 3_600, 3_600].enumerated() {
            for _ in 0..<2 { _ = try await store.fail(account.id, at: now) }
            let failures = (series + 1) * 3
            #expect(try await store.fail(account.id, at: now) == .counted(failures: failures, lockedUntil: now + duration))
            now += duration
        }
    }

    static let countsNothingWhileLocked = StoreCheck(
        "recordFailure on a locked account counts nothing, not even the link's attempt, and returns the lock's end"
    ) { store in
        let account = try await store.register()
        for _ in 0..<3 { _ = try await store.fail(account.id) }
        let link = try await store.issue(.login, for: account.id, expiresAt: Fixture.start + 3_600)
        #expect(try await store.fail(account.id, through: link.use, at: Fixture.start + 899) == .accountLocked(until: Fixture.start + 900))
        #expect(try await store.account(id: account.id)?.consecutiveFailures == 3)
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 0)
        #expect(try await store.fail(account.id, through: link.use, at: Fixture.start + 900) == .counted(failures: 4, lockedUntil: nil))
    }

    static let countsTheLinksAttempt = StoreCheck("recordFailure counts one attempt on the link with the account's failure") { store in
        let account = try await store.register()
        let link = try await store.issue(.login, for: account.id)
        #expect(try await store.fail(account.id, through: link.use) == .counted(failures: 1, lockedUntil: nil))
        #expect(try await store.fail(account.id, through: link.use) == .counted(failures: 2, lockedUntil: nil))
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 2)
    }

    static let countsNothingOnAnUnusableLink = StoreCheck(
        "recordFailure through a burned, expired or unknown link returns linkUnusable and counts nothing"
    ) { store in
        let account = try await store.register()
        let burned = try await store.issue(.login, for: account.id)
        for _ in 0..<Fixture.maxAttempts { _ = try await store.fail(nil, through: burned.use) }
        let expiring = try await store.issue(.passwordReset, for: account.id)

        #expect(try await store.fail(account.id, through: burned.use) == .linkUnusable)
        #expect(try await store.fail(account.id, through: expiring.use, at: Fixture.start + 600) == .linkUnusable)
        #expect(try await store.fail(account.id, through: Fixture.unknownLink()) == .linkUnusable)
        #expect(try await store.account(id: account.id)?.consecutiveFailures == 0)
        #expect(try await store.link(tokenHash: burned.tokenHash, now: Fixture.start)?.attempts == Fixture.maxAttempts)
    }

    static let countsALinkWithoutAnAccount = StoreCheck(
        "recordFailure without an account, or for an unknown one, counts only the link's attempt and creates nothing"
    ) { store in
        let link = try await store.issue(.createAccount, for: Fixture.email().lowercased())
        let unknown = Fixture.id()
        #expect(try await store.fail(nil, through: link.use) == .counted(failures: 0, lockedUntil: nil))
        #expect(try await store.fail(unknown, through: link.use) == .counted(failures: 0, lockedUntil: nil))
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 2)
        #expect(try await store.account(id: unknown) == nil)
    }

    static let queuesTheNotices = StoreCheck(
        "recordFailure queues the first-lock notice at the first lock of a series and the ceiling notice at the ceiling, no other"
    ) { store in
        let account = try await store.register()
        _ = try await store.claimAllMailIDs()
        var now = Fixture.start
        var expected: Set<String> = []
        for failure in 1...12 {
            let (firstLock, ceiling) = (Fixture.mail(), Fixture.mail())
            let outcome = try await store.fail(account.id, at: now, firstLockNotice: firstLock, ceilingNotice: ceiling)
            if failure == 3 { expected.insert(firstLock.id) }
            if failure == 9 { expected.insert(ceiling.id) }
            if case .counted(_, let lockedUntil?) = outcome { now = lockedUntil }
        }
        #expect(try await store.claimAllMailIDs() == expected)
    }

    static let commitRefusesWhileLocked = StoreCheck(
        "commit on a locked account throws accountLocked, changing nothing, and works once the lock ends"
    ) { store in
        let account = try await store.register()
        for _ in 0..<3 { _ = try await store.fail(account.id) }
        let link = try await store.issue(.login, for: account.id, expiresAt: Fixture.start + 3_600)
        await #expect(throws: MFAStoreError.accountLocked(until: Fixture.start + 900)) {
            try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, recordsLogin: true, now: Fixture.start + 899))
        }
        #expect(try await store.isUsable(link))
        #expect(try await store.account(id: account.id)?.lastLoginAt == nil)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, recordsLogin: true, now: Fixture.start + 900))
        #expect(try await store.account(id: account.id)?.consecutiveFailures == 0)
    }

    static let commitRefusesTOTPAtTheCeiling = StoreCheck(
        "commit refuses a TOTP step at the failure ceiling, accepts a recovery code there, and the success accepts TOTP again"
    ) { store in
        let codes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: codes)
        var now = Fixture.start
        for _ in 0..<9 {
            if case .counted(_, let lockedUntil?) = try await store.fail(account.id, at: now) { now = lockedUntil }
        }
        await #expect(throws: MFAStoreError.totpRefusedAtCeiling) {
            try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 7, failureCeiling: 9, now: now))
        }
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == nil)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[0], failureCeiling: 9, now: now))
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 7, failureCeiling: 9, now: now))
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 7)
    }

    static let commitRefusesABurnedLink = StoreCheck("commit refuses a link that counted maxAttempts failures") { store in
        let account = try await store.register()
        let link = try await store.issue(.login, for: account.id)
        for _ in 0..<(Fixture.maxAttempts - 1) { _ = try await store.fail(nil, through: link.use) }
        let lastAttempt = LinkUse(tokenHash: link.tokenHash, maxAttempts: Fixture.maxAttempts - 1)
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: lastAttempt, now: Fixture.start))
        }
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, now: Fixture.start))
        #expect(try await !store.isUsable(link))
    }

    static let queuesTheRecoveryCodeNotice = StoreCheck(
        "commit queues the recovery-code notice made from the codes left, and none when it is refused"
    ) { store in
        let codes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: codes)
        _ = try await store.claimAllMailIDs()
        let prefix = Fixture.id()
        let notice: @Sendable (Int) -> QueuedMail = { remaining in
            QueuedMail(id: "\(prefix)-\(remaining)-\(Fixture.id())", sealedMessage: Fixture.bytes(), notBefore: Fixture.start, expiresAt: nil)
        }
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: Fixture.tokenHash(), recoveryCodeNotice: notice, now: Fixture.start))
        }
        #expect(try await store.claimAllMailIDs().isEmpty)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[0], recoveryCodeNotice: notice, now: Fixture.start))
        let queued = try await store.claimAllMailIDs()
        #expect(queued.count == 1)
        #expect(queued.allSatisfy { $0.hasPrefix("\(prefix)-9-") })
    }
}
