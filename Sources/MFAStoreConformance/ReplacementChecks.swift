import Foundation
import MFACore
import Testing

/// `commit` with `replacesAuthenticator`: a new TOTP secret through an emailed link.
enum ReplacementChecks {
    static let all = [
        replacesEverythingTheOldSecretGuarded, refusesAnUnusableLink, refusesAnUnknownAccount, refusesAnotherAccountsLink,
    ]

    static let refusesAnotherAccountsLink = StoreCheck(
        "a link consumed for another account than its own is not usable, in every consuming operation"
    ) { store in
        let ada = try await store.register()
        let grace = try await store.register()
        let link = try await store.issue(.newAuthenticator, for: grace.id)
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitReplacement(
                accountID: ada.id, with: Fixture.authenticator(), recoveryCodeHashes: [],
                consumingLink: link.use, mail: Fixture.mail(), now: Fixture.start
            )
        }
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitDeletion(id: ada.id, consumingLink: link.use, mail: Fixture.mail(), now: Fixture.start)
        }
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commit(AuthenticatedChange(accountID: ada.id, consumingLink: link.use, now: Fixture.start))
        }
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.createAccount(Fixture.account(), recoveryCodeHashes: [], consumingLink: link.use, now: Fixture.start)
        }
        #expect(try await store.isUsable(link))
        #expect(try await store.account(id: ada.id) != nil)
    }

    static let replacesEverythingTheOldSecretGuarded = StoreCheck(
        "commit replacing the authenticator consumes the link, replaces authenticator and codes, forgets time steps, revokes sessions and queues its mail"
    ) { store in
        let oldCodes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: oldCodes)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 1_000, now: Fixture.start))
        let sessions = [try await store.openSession(for: account.id), try await store.openSession(for: account.id)]
        let link = try await store.issue(.newAuthenticator, for: account.id)
        let (authenticator, newCodes, mail) = (Fixture.authenticator(), Fixture.recoveryCodes(10), Fixture.mail())

        try await store.commitReplacement(
            accountID: account.id, with: authenticator, recoveryCodeHashes: newCodes,
            consumingLink: link.use, mail: mail, now: Fixture.start
        )

        let stored = try #require(try await store.account(id: account.id))
        #expect(stored.authenticator == authenticator)
        #expect(stored.lastAcceptedTimeStep == nil)
        #expect(try await !store.isUsable(link))
        for session in sessions { #expect(try await !store.isOpen(session)) }
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 10)
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: oldCodes[0], now: Fixture.start))
        }
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: newCodes[0], now: Fixture.start))
        // The new secret's steps start again: a step below the old secret's last one is accepted.
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 10, now: Fixture.start))
        #expect(try await store.claimAllMailIDs().contains(mail.id))
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitReplacement(
                accountID: account.id, with: Fixture.authenticator(), recoveryCodeHashes: [],
                consumingLink: link.use, mail: Fixture.mail(), now: Fixture.start
            )
        }
    }

    static let refusesAnUnusableLink = StoreCheck("commit replacing the authenticator refuses an expired link, changing nothing") { store in
        let codes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: codes)
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, acceptedTimeStep: 1_000, now: Fixture.start))
        let session = try await store.openSession(for: account.id, expiresAt: Fixture.start + 7_200)
        let link = try await store.issue(.newAuthenticator, for: account.id)
        let mail = Fixture.mail()

        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitReplacement(
                accountID: account.id, with: Fixture.authenticator(), recoveryCodeHashes: Fixture.recoveryCodes(),
                consumingLink: link.use, mail: mail, now: Fixture.start + 600
            )
        }
        let stored = try #require(try await store.account(id: account.id))
        #expect(stored.authenticator == account.authenticator)
        #expect(stored.lastAcceptedTimeStep == 1_000)
        #expect(try await store.isOpen(session, at: Fixture.start + 600))
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[0], now: Fixture.start))
        #expect(try await !store.claimAllMailIDs().contains(mail.id))
    }

    static let refusesAnUnknownAccount = StoreCheck("commit replacing the authenticator on an unknown account throws and consumes nothing") { store in
        let link = try await store.issue(.newAuthenticator, for: Fixture.id())
        let id = Fixture.id()
        await #expect(throws: MFAStoreError.self) {
            try await store.commitReplacement(
                accountID: id, with: Fixture.authenticator(), recoveryCodeHashes: [],
                consumingLink: link.use, mail: Fixture.mail(), now: Fixture.start
            )
        }
        #expect(try await store.isUsable(link))
        #expect(try await store.account(id: id) == nil)
    }
}
