import Foundation
import MFACore
import Testing

/// The operations behind `mfa-server accounts …`: counting and ending sessions,
/// unlocking, deleting without a link, the store's counts, and an operator's
/// authenticator reset.
enum OperatorChecks {
    static let all = [
        countsTheAccountsUnexpiredSessions, unlocksOnlyThatAccount, refusesToUnlockAnUnknownAccount,
        revokesEverySessionOfTheAccount, deletesEverythingTheAccountOwns, refusesToDeleteAnUnknownAccount,
        countsForTheSummary, resetsTheAuthenticatorOfALockedAccount,
    ]

    static let countsTheAccountsUnexpiredSessions = StoreCheck("sessionCount counts the account's sessions until each expires, and no other's") { store in
        let account = try await store.register()
        let other = try await store.register()
        _ = try await store.openSession(for: account.id, expiresAt: Fixture.start + 1_800)
        _ = try await store.openSession(for: account.id, expiresAt: Fixture.start + 3_600)
        _ = try await store.openSession(for: other.id)

        #expect(try await store.sessionCount(accountID: account.id, now: Fixture.start) == 2)
        #expect(try await store.sessionCount(accountID: account.id, now: Fixture.start + 1_799) == 2)
        #expect(try await store.sessionCount(accountID: account.id, now: Fixture.start + 1_800) == 1)
        #expect(try await store.sessionCount(accountID: account.id, now: Fixture.start + 3_600) == 0)
        #expect(try await store.sessionCount(accountID: Fixture.id(), now: Fixture.start) == 0)
    }

    static let unlocksOnlyThatAccount = StoreCheck(
        "unlockAccount clears the lock and the failure count, so that a commit works at once; another account stays locked"
    ) { store in
        let (account, other) = (try await store.register(), try await store.register())
        for _ in 0..<3 {
            _ = try await store.fail(account.id)
            _ = try await store.fail(other.id)
        }
        try await store.unlockAccount(id: account.id)

        let unlocked = try #require(try await store.account(id: account.id))
        #expect(unlocked.consecutiveFailures == 0)
        #expect(unlocked.lockedUntil == nil)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 100, now: Fixture.start + 1))
        #expect(try await store.account(id: other.id)?.consecutiveFailures == 3)
        await #expect(throws: MFAStoreError.accountLocked(until: Fixture.start + 900)) {
            _ = try await store.commit(AuthenticatedChange(accountID: other.id, now: Fixture.start + 1))
        }
    }

    static let refusesToUnlockAnUnknownAccount = StoreCheck("unlockAccount of an unknown account throws accountNotFound") { store async throws in
        await #expect(throws: MFAStoreError.accountNotFound) { try await store.unlockAccount(id: Fixture.id()) }
    }

    static let revokesEverySessionOfTheAccount = StoreCheck(
        "revokeSessions(accountID:) ends every session of the account, answers how many, and spares other accounts'"
    ) { store in
        let (account, other) = (try await store.register(), try await store.register())
        let sessions = [try await store.openSession(for: account.id), try await store.openSession(for: account.id)]
        let othersSession = try await store.openSession(for: other.id)

        #expect(try await store.revokeSessions(accountID: account.id) == 2)
        for session in sessions { #expect(try await !store.isOpen(session)) }
        #expect(try await store.isOpen(othersSession))
        #expect(try await store.revokeSessions(accountID: account.id) == 0)
        #expect(try await store.revokeSessions(accountID: Fixture.id()) == 0)
    }

    static let deletesEverythingTheAccountOwns = StoreCheck(
        "deleteAccount(id:mail:) removes the account, its sessions, codes, links and pending registration, queues the mail, frees the address and spares other accounts"
    ) { store in
        let account = try await store.register()
        let session = try await store.openSession(for: account.id)
        let reset = try await store.issue(.authenticatorResetByOperator, for: account.id)
        let pendingLink = Fixture.link(.createAccount, subject: Fixture.registrationSubject(account.emailKey))
        try await store.savePendingRegistration(Fixture.pendingRegistration(emailKey: account.emailKey), link: pendingLink, mail: Fixture.mail())
        let other = try await store.register()
        let othersSession = try await store.openSession(for: other.id)
        let mail = Fixture.mail()

        try await store.deleteAccount(id: account.id, mail: mail)

        #expect(try await store.account(id: account.id) == nil)
        #expect(try await store.account(emailKey: account.emailKey) == nil)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 0)
        #expect(try await !store.isOpen(session))
        for link in [reset, pendingLink] { #expect(try await !store.isUsable(link)) }
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(account.emailKey), now: Fixture.start) == nil)
        #expect(try await store.account(id: other.id) == other)
        #expect(try await store.isOpen(othersSession))
        #expect(try await store.claimAllMailIDs().contains(mail.id))

        let successor = try await store.register(Fixture.account(email: account.email))
        #expect(try await store.account(emailKey: account.emailKey) == successor)
    }

    static let refusesToDeleteAnUnknownAccount = StoreCheck("deleteAccount of an unknown account throws accountNotFound and queues nothing") { store async throws in
        let mail = Fixture.mail()
        await #expect(throws: MFAStoreError.accountNotFound) { try await store.deleteAccount(id: Fixture.id(), mail: mail) }
        #expect(try await store.claimAllMailIDs().isEmpty)
    }

    static let countsForTheSummary = StoreCheck(
        "summary counts accounts, accounts locked or at the ceiling, unexpired pending registrations and unfinished mail"
    ) { store in
        let locked = try await store.register()
        for _ in 0..<3 { _ = try await store.fail(locked.id) }
        let failing = try await store.register()
        for _ in 0..<2 { _ = try await store.fail(failing.id) }
        _ = try await store.register()
        for expiresAt in [Fixture.start + 600, Fixture.start + 1_200] {
            let emailKey = Fixture.email().lowercased()
            try await store.savePendingRegistration(
                Fixture.pendingRegistration(emailKey: emailKey, expiresAt: expiresAt),
                link: Fixture.link(.createAccount, subject: Fixture.registrationSubject(emailKey), expiresAt: expiresAt), mail: Fixture.mail()
            )
        }
        // Three registrations' and two pending registrations' mail; one is sent, one only claimed.
        let claimed = try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 2)
        try await store.finishMail(id: try #require(claimed.first).id, as: .sent, now: Fixture.start)

        #expect(try await store.summary(now: Fixture.start, failureCeiling: 4) == StoreSummary(
            accounts: 3, lockedAccounts: 1, pendingRegistrations: 2, queuedMail: 4
        ))
        // The lock ends at its instant; the ceiling counts whoever reached it.
        #expect(try await store.summary(now: Fixture.start + 900, failureCeiling: 4).lockedAccounts == 0)
        #expect(try await store.summary(now: Fixture.start + 900, failureCeiling: 2).lockedAccounts == 2)
        #expect(try await store.summary(now: Fixture.start + 600, failureCeiling: 4).pendingRegistrations == 1)
    }

    static let resetsTheAuthenticatorOfALockedAccount = StoreCheck(
        """
        an operator's authenticator reset works as the workflow does it: revokeSessions, an authenticatorResetByOperator link \
        beside the owner's own, then unlockAccount and a commit with no factor replace the authenticator of a locked account
        """
    ) { store in
        let oldCodes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: oldCodes)
        let session = try await store.openSession(for: account.id)
        let owners = try await store.issue(.newAuthenticator, for: account.id)
        #expect(try await store.revokeSessions(accountID: account.id) == 1)
        let reset = try await store.issue(.authenticatorResetByOperator, for: account.id)
        #expect(try await store.usableLink(tokenHash: reset.tokenHash, purpose: .authenticatorResetByOperator, maxAttempts: 5, now: Fixture.start) == reset)
        #expect(try await store.usableLink(tokenHash: reset.tokenHash, purpose: .newAuthenticator, maxAttempts: 5, now: Fixture.start) == nil)
        #expect(try await store.isUsable(owners))
        for _ in 0..<3 { _ = try await store.fail(account.id) }

        try await store.unlockAccount(id: account.id)
        let (authenticator, newCodes, mail) = (Fixture.authenticator(), Fixture.recoveryCodes(), Fixture.mail())
        try await store.commitReplacement(
            accountID: account.id, with: authenticator, recoveryCodeHashes: newCodes, consumingLink: reset.use, mail: mail, now: Fixture.start + 1
        )

        let stored = try #require(try await store.account(id: account.id))
        #expect(stored.authenticator == authenticator)
        #expect(stored.consecutiveFailures == 0 && stored.lockedUntil == nil)
        #expect(try await !store.isOpen(session))
        #expect(try await !store.isUsable(reset))
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: oldCodes[0], now: Fixture.start + 1))
        }
        #expect(try await store.claimAllMailIDs().contains(mail.id))
    }
}
