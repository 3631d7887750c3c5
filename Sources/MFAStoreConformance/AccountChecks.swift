import Foundation
import MFACore
import Testing

/// Looking accounts up and creating them through a link.
enum AccountChecks {
    static let all = [
        findsAnAccountByIDAndAddress, readsEveryFieldOfAnAccountBack, findsNoUnknownAccount, createsAnAccountConsumingItsLink,
        refusesToCreateThroughAnUnusableLink, refusesATakenAddress,
    ] + ReplacementChecks.all + DeletionChecks.all

    static let readsEveryFieldOfAnAccountBack = StoreCheck(
        "every field of an account, set or not, reads back as written through account(id:), account(emailKey:), signedIn and, in a store that can move its rows, exportRows"
    ) { store in
        var full = Fixture.account(email: "zoë.\(Fixture.id().prefix(8))@example.com", fullName: "Zoë Ŋgwa 日本 👩🏽‍💻")
        full.passwordHash = "$2b$12$" + String(repeating: "b", count: 53)
        full.authenticator.digits = 8
        full.authenticator.period = 60
        full.lastAcceptedTimeStep = 58_333_333
        full.createdAt = Fixture.start - 86_400.25
        full.lastLoginAt = Fixture.start - 3_600.5
        full.consecutiveFailures = 4
        full.lockedUntil = Fixture.start - 900.75 // a lock that has run out: a session can still be opened
        let bare = Fixture.account(fullName: nil)

        for account in [full, bare] {
            try await store.importAccount(account)
            #expect(try await store.account(id: account.id) == account)
            #expect(try await store.account(emailKey: account.emailKey) == account)
        }
        if let store = store as? any MFAStoreTransfer {
            #expect(Set(try await store.exportRows().accounts) == [full, bare])
        }
        for account in [full, bare] {
            // Opening a session commits a change to the account (its failures end).
            let session = try await store.openSession(for: account.id)
            let signedIn = try await store.signedIn(tokenHash: session.tokenHash, now: Fixture.start)
            #expect(signedIn?.0 == session)
            #expect(signedIn?.1 == (try await store.account(id: account.id)))
            #expect(signedIn?.1.fullName == account.fullName && signedIn?.1.createdAt == account.createdAt)
        }
    }

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
