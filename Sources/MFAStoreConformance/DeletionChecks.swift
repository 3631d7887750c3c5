import Foundation
import MFACore
import Testing

/// `commit` with `deletesAccount`: the account and everything it owns, gone at once.
enum DeletionChecks {
    static let all = [deletesEverythingTheAccountOwns, freesTheAddress, refusesAnUnusableLink, refusesAnUnknownAccount]

    static let deletesEverythingTheAccountOwns = StoreCheck(
        "commit deleting the account removes the account, its sessions, codes, links and pending registration, queues its mail, and spares other accounts"
    ) { store in
        let account = try await store.register()
        let session = try await store.openSession(for: account.id)
        let reset = try await store.issue(.passwordReset, for: account.id)
        let pendingLink = Fixture.link(.createAccount, subject: Fixture.registrationSubject(account.emailKey))
        try await store.savePendingRegistration(Fixture.pendingRegistration(emailKey: account.emailKey), link: pendingLink, mail: Fixture.mail())
        let other = try await store.register()
        let othersSession = try await store.openSession(for: other.id)
        let othersLink = try await store.issue(.deleteAccount, for: other.id)
        let deletion = try await store.issue(.deleteAccount, for: account.id)
        let mail = Fixture.mail()

        try await store.commitDeletion(id: account.id, consumingLink: deletion.use, mail: mail, now: Fixture.start)

        #expect(try await store.account(id: account.id) == nil)
        #expect(try await store.account(emailKey: account.emailKey) == nil)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 0)
        #expect(try await !store.isOpen(session))
        for link in [reset, pendingLink, deletion] { #expect(try await !store.isUsable(link)) }
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(account.emailKey), now: Fixture.start) == nil)

        #expect(try await store.account(id: other.id) == other)
        #expect(try await store.recoveryCodeCount(accountID: other.id) == 10)
        #expect(try await store.isOpen(othersSession))
        #expect(try await store.isUsable(othersLink))
        #expect(try await store.claimAllMailIDs().contains(mail.id))
    }

    static let freesTheAddress = StoreCheck("commit deleting the account frees the address for a new registration") { store in
        let account = try await store.register()
        let deletion = try await store.issue(.deleteAccount, for: account.id)
        try await store.commitDeletion(id: account.id, consumingLink: deletion.use, mail: Fixture.mail(), now: Fixture.start)

        let successor = try await store.register(Fixture.account(email: account.email))
        #expect(try await store.account(emailKey: account.emailKey) == successor)
    }

    static let refusesAnUnusableLink = StoreCheck("commit deleting the account refuses an expired or unknown link, deleting nothing") { store in
        let account = try await store.register()
        let session = try await store.openSession(for: account.id, expiresAt: Fixture.start + 7_200)
        let deletion = try await store.issue(.deleteAccount, for: account.id)
        let mail = Fixture.mail()

        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitDeletion(id: account.id, consumingLink: deletion.use, mail: mail, now: Fixture.start + 600)
        }
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.commitDeletion(id: account.id, consumingLink: Fixture.unknownLink(), mail: mail, now: Fixture.start)
        }
        #expect(try await store.account(id: account.id) == account)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 10)
        #expect(try await store.isOpen(session, at: Fixture.start + 600))
        #expect(try await !store.claimAllMailIDs().contains(mail.id))
    }

    static let refusesAnUnknownAccount = StoreCheck("commit deleting an unknown account throws and consumes nothing") { store in
        let link = try await store.issue(.deleteAccount, for: Fixture.id())
        await #expect(throws: MFAStoreError.self) {
            try await store.commitDeletion(id: Fixture.id(), consumingLink: link.use, mail: Fixture.mail(), now: Fixture.start)
        }
        #expect(try await store.isUsable(link))
    }
}
