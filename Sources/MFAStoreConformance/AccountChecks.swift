import Foundation
import MFACore
import Testing

/// Looking accounts up and creating them through a link.
enum AccountChecks {
    static let all = [
        findsAnAccountByIDAndAddress, findsNoUnknownAccount, createsAnAccountConsumingItsLink,
        refusesToCreateThroughAnUnusableLink, refusesATakenAddress,
    ] + ReplacementChecks.all + DeletionChecks.all

    static let findsAnAccountByIDAndAddress = StoreCheck("account(id:) and account(emailKey:) return the account as stored") { store in
        let named = try await store.register(Fixture.account(fullName: "Ada Lovelace"))
        let unnamed = try await store.register(Fixture.account(fullName: nil))

        for account in [named, unnamed] {
            #expect(try await store.account(id: account.id) == account)
            #expect(try await store.account(emailKey: account.emailKey) == account)
        }
    }

    static let findsNoUnknownAccount = StoreCheck("account lookups return nil for an unknown id or address") { store in
        let account = try await store.register()
        #expect(try await store.account(id: Fixture.id()) == nil)
        #expect(try await store.account(emailKey: Fixture.email().lowercased()) == nil)
        // The key is the lowercased address: looking up the address as typed must not find it.
        #expect(try await store.account(emailKey: account.email) == nil)
    }

    static let createsAnAccountConsumingItsLink = StoreCheck(
        "createAccount consumes the link, deletes the pending registration and stores the recovery codes"
    ) { store in
        let account = Fixture.account()
        let link = Fixture.link(.createAccount, subject: Fixture.registrationSubject(account.emailKey))
        try await store.savePendingRegistration(Fixture.pendingRegistration(emailKey: account.emailKey), link: link, mail: Fixture.mail())
        try await store.createAccount(account, recoveryCodeHashes: Fixture.recoveryCodes(10), consumingLink: link.use, now: Fixture.start)

        #expect(try await store.account(id: account.id) == account)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 10)
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(account.emailKey), now: Fixture.start) == nil)
        #expect(try await !store.isUsable(link))
        let second = Fixture.account()
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.createAccount(second, recoveryCodeHashes: [], consumingLink: link.use, now: Fixture.start)
        }
        #expect(try await store.account(id: second.id) == nil)
    }

    static let refusesToCreateThroughAnUnusableLink = StoreCheck("createAccount refuses an expired or unknown link and creates nothing") { store in
        let account = Fixture.account()
        let link = try await store.issue(.createAccount, for: account.emailKey)
        let codes = Fixture.recoveryCodes()
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.createAccount(account, recoveryCodeHashes: codes, consumingLink: link.use, now: Fixture.start + 600)
        }
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.createAccount(account, recoveryCodeHashes: codes, consumingLink: Fixture.unknownLink(), now: Fixture.start)
        }
        #expect(try await store.account(id: account.id) == nil)
        #expect(try await store.account(emailKey: account.emailKey) == nil)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 0)
    }

    static let refusesATakenAddress = StoreCheck("createAccount refuses an address that has an account, changing nothing") { store in
        let existing = try await store.register()
        let duplicate = Fixture.account(email: existing.email)
        let link = try await store.issue(.createAccount, for: existing.emailKey)
        await #expect(throws: MFAStoreError.emailTaken) {
            try await store.createAccount(duplicate, recoveryCodeHashes: Fixture.recoveryCodes(), consumingLink: link.use, now: Fixture.start)
        }
        #expect(try await store.account(emailKey: existing.emailKey) == existing)
        #expect(try await store.account(id: duplicate.id) == nil)
        #expect(try await store.isUsable(link))
    }
}
