import Foundation
import MFACore
import Testing

/// `commit`: what authorises a change (a link, a time step, a recovery code)
/// is used once, and a refused change changes nothing.
enum CommitChecks {
    static let all = [
        consumesItsLinkOnce, refusesAnExpiredLink, acceptsOnlyLaterTimeSteps, changesNothingForAUsedTimeStep,
        usesARecoveryCodeOnce, keepsRecoveryCodesPerAccount, changesNothingForAnUnknownRecoveryCode, refusesAnUnknownAccount,
    ] + CommitEffectChecks.all

    static let consumesItsLinkOnce = StoreCheck("commit consumes its link, and a second commit with it is refused") { store in
        let account = try await store.register()
        let link = try await store.issue(.login, for: account.id)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, now: Fixture.start))

        #expect(try await !store.isUsable(link))
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, now: Fixture.start))
        }
    }

    static let refusesAnExpiredLink = StoreCheck("commit refuses an expired or unknown link, changing nothing") { store in
        let account = try await store.register()
        let link = try await store.issue(.login, for: account.id)
        for (use, now) in [(link.use, Fixture.start + 600), (Fixture.unknownLink(), Fixture.start)] {
            await #expect(throws: MFAStoreError.linkNotUsable) {
                try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: use, recordsLogin: true, now: now))
            }
        }
        #expect(try await store.account(id: account.id)?.lastLoginAt == nil)
    }

    static let acceptsOnlyLaterTimeSteps = StoreCheck("commit accepts a time step only when it is later than the last one accepted") { store in
        let account = try await store.register()
        func commit(step: UInt64) async throws {
            _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: step, now: Fixture.start))
        }
        try await commit(step: 100)
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 100)
        for used: UInt64 in [100, 99, 0] {
            await #expect(throws: MFAStoreError.timeStepAlreadyUsed) { try await commit(step: used) }
        }
        try await commit(step: 101)
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 101)
    }

    static let changesNothingForAUsedTimeStep = StoreCheck("commit with a used time step throws and changes nothing at all") { store in
        let account = try await store.register()
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 100, now: Fixture.start))
        try await expectNothingChanges(in: store, for: account, refusedWith: .timeStepAlreadyUsed) { link, session, mail in
            AuthenticatedChange(
                accountID: account.id, consumingLink: link, acceptedTimeStep: 100, recordsLogin: true,
                newPasswordHash: Fixture.passwordHash(), revokedSessions: .all, newSession: session, mail: [mail], now: Fixture.start + 1
            )
        }
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 100)
    }

    static let usesARecoveryCodeOnce = StoreCheck("commit uses a recovery code up, and a second use is refused") { store in
        let codes = Fixture.recoveryCodes(10)
        let account = try await store.register(recoveryCodes: codes)
        let outcome = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[3], now: Fixture.start))

        #expect(outcome.recoveryCodesRemaining == 9)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 9)
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[3], now: Fixture.start))
        }
        let next = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[4], now: Fixture.start))
        #expect(next.recoveryCodesRemaining == 8)
    }

    static let keepsRecoveryCodesPerAccount = StoreCheck("commit refuses another account's recovery code") { store in
        let othersCodes = Fixture.recoveryCodes()
        let other = try await store.register(recoveryCodes: othersCodes)
        let account = try await store.register()
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: othersCodes[0], now: Fixture.start))
        }
        #expect(try await store.recoveryCodeCount(accountID: other.id) == 10)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 10)
    }

    static let changesNothingForAnUnknownRecoveryCode = StoreCheck("commit with an unknown recovery code throws and changes nothing at all") { store in
        let account = try await store.register()
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 100, now: Fixture.start))
        try await expectNothingChanges(in: store, for: account, refusedWith: .recoveryCodeNotFound) { link, session, mail in
            AuthenticatedChange(
                accountID: account.id, consumingLink: link, acceptedTimeStep: 200, recoveryCodeHash: Fixture.tokenHash(),
                recordsLogin: true, newPasswordHash: Fixture.passwordHash(), revokedSessions: .all, newSession: session,
                mail: [mail], now: Fixture.start + 1
            )
        }
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 100)
    }

    static let refusesAnUnknownAccount = StoreCheck("commit for an unknown account throws accountNotFound and consumes nothing") { store in
        let link = try await store.issue(.login, for: Fixture.id())
        let session = Fixture.session(accountID: link.subject)
        await #expect(throws: MFAStoreError.accountNotFound) {
            try await store.commit(AuthenticatedChange(accountID: link.subject, consumingLink: link.use, newSession: session, now: Fixture.start))
        }
        #expect(try await store.isUsable(link))
        #expect(try await !store.isOpen(session))
    }

    /// Commits a change that `error` must refuse, then checks that none of its
    /// effects happened: link, codes, login time, password, failures, sessions, mail.
    private static func expectNothingChanges(
        in store: any MFAStore, for account: AccountRecord, refusedWith error: MFAStoreError,
        _ makeChange: (LinkUse, SessionRecord, QueuedMail) -> AuthenticatedChange
    ) async throws {
        let link = try await store.issue(.login, for: account.id)
        let existing = try await store.openSession(for: account.id)
        _ = try await store.fail(account.id)
        let before = try #require(try await store.account(id: account.id))
        let (session, mail) = (Fixture.session(accountID: account.id), Fixture.mail())

        await #expect(throws: error) { try await store.commit(makeChange(link.use, session, mail)) }

        #expect(try await store.account(id: account.id) == before)
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 0)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 10)
        #expect(try await store.isOpen(existing))
        #expect(try await !store.isOpen(session))
        #expect(try await !store.claimAllMailIDs().contains(mail.id))
    }
}
