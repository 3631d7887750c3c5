import Foundation
import MFACore
import Testing

/// `commit`: the effects of an accepted change.
enum CommitEffectChecks {
    static let all = [
        returnsThePreviousLogin, leavesTheLoginTimeUnlessAsked, storesANewPasswordHash, revokesNoSessions,
        revokesEverySessionButOne, revokesEverySession, createsTheNewSession, queuesItsMail, resetsFailuresAndLock,
    ]

    static let returnsThePreviousLogin = StoreCheck("commit recording a login returns the previous login (nil the first time) and stores the new one") { store in
        let account = try await store.register()
        let (first, second) = (Fixture.start + 60, Fixture.start + 3_600)
        let firstOutcome = try await store.commit(AuthenticatedChange(accountID: account.id, recordsLogin: true, now: first))
        #expect(firstOutcome.previousLoginAt == nil)
        #expect(try await store.account(id: account.id)?.lastLoginAt == first)

        let secondOutcome = try await store.commit(AuthenticatedChange(accountID: account.id, recordsLogin: true, now: second))
        #expect(secondOutcome.previousLoginAt == first)
        #expect(secondOutcome.recoveryCodesRemaining == 10)
        #expect(try await store.account(id: account.id)?.lastLoginAt == second)
    }

    static let leavesTheLoginTimeUnlessAsked = StoreCheck("commit not recording a login leaves the last login alone and returns no previous login") { store in
        let account = try await store.register()
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recordsLogin: true, now: Fixture.start))
        let outcome = try await store.commit(
            AuthenticatedChange(accountID: account.id, newPasswordHash: Fixture.passwordHash(), now: Fixture.start + 60)
        )
        #expect(outcome.previousLoginAt == nil)
        #expect(try await store.account(id: account.id)?.lastLoginAt == Fixture.start)
    }

    static let storesANewPasswordHash = StoreCheck("commit stores a new password hash and keeps the old one when given none") { store in
        let account = try await store.register()
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, now: Fixture.start))
        #expect(try await store.account(id: account.id)?.passwordHash == account.passwordHash)

        let newHash = Fixture.passwordHash()
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, newPasswordHash: newHash, now: Fixture.start))
        #expect(try await store.account(id: account.id)?.passwordHash == newHash)
    }

    static let revokesNoSessions = StoreCheck("commit with revokedSessions .none keeps every session") { store in
        let (account, sessions, _) = try await accountWithSessions(in: store)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, revokedSessions: .none, now: Fixture.start))
        for session in sessions { #expect(try await store.isOpen(session)) }
    }

    static let revokesEverySessionButOne = StoreCheck("commit with revokedSessions .allExcept keeps only that session of the account") { store in
        let (account, sessions, othersSession) = try await accountWithSessions(in: store)
        let kept = sessions[1]
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, revokedSessions: .allExcept(kept.tokenHash), now: Fixture.start))

        #expect(try await store.isOpen(kept))
        for session in sessions where session != kept { #expect(try await !store.isOpen(session)) }
        #expect(try await store.isOpen(othersSession))
    }

    static let revokesEverySession = StoreCheck("commit with revokedSessions .all ends every session of the account but not its new one") { store in
        let (account, sessions, othersSession) = try await accountWithSessions(in: store)
        let newSession = Fixture.session(accountID: account.id)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, revokedSessions: .all, newSession: newSession, now: Fixture.start))

        for session in sessions { #expect(try await !store.isOpen(session)) }
        #expect(try await store.isOpen(newSession))
        #expect(try await store.isOpen(othersSession))
    }

    static let createsTheNewSession = StoreCheck("commit stores the new session as given") { store in
        let account = try await store.register()
        let session = Fixture.session(accountID: account.id, expiresAt: Fixture.start + 1_800)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, newSession: session, now: Fixture.start))
        #expect(try await store.session(tokenHash: session.tokenHash, now: Fixture.start) == session)
    }

    static let queuesItsMail = StoreCheck("commit queues every message it carries") { store in
        let account = try await store.register()
        _ = try await store.claimAllMailIDs()
        let mail = [Fixture.mail(), Fixture.mail()]
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, mail: mail, now: Fixture.start))
        #expect(try await store.claimAllMailIDs() == Set(mail.map(\.id)))
    }

    static let resetsFailuresAndLock = StoreCheck(
        "commit resets the failure count and lifts a lock, so the next lock is the first of a new series"
    ) { store in
        let account = try await store.register()
        for _ in 0..<5 { _ = try await store.fail(account.id) }
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, now: Fixture.start + 900))

        let stored = try #require(try await store.account(id: account.id))
        #expect(stored.consecutiveFailures == 0)
        #expect(stored.lockedUntil == nil)
        let later = Fixture.start + 1_000
        for _ in 0..<2 { _ = try await store.fail(account.id, at: later) }
        #expect(try await store.fail(account.id, at: later) == .counted(failures: 3, lockedUntil: later + 900))
    }

    /// An account with three sessions, and another account with one.
    private static func accountWithSessions(in store: any MFAStore) async throws -> (AccountRecord, [SessionRecord], SessionRecord) {
        let account = try await store.register()
        var sessions: [SessionRecord] = []
        for _ in 0..<3 { sessions.append(try await store.openSession(for: account.id)) }
        let other = try await store.register()
        return (account, sessions, try await store.openSession(for: other.id))
    }
}
