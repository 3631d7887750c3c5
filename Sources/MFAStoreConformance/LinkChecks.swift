import Foundation
import MFACore
import Testing

/// Pending registrations, issuing links and looking them up.
enum LinkChecks {
    static let all = [
        keepsAPendingRegistrationUntilItExpires, replacesTheOlderRegistration, keepsOtherAddressesRegistrations,
        findsALinkUntilItExpires, replacesTheOlderLinkOfAPurpose, keepsLinksOfOtherPurposesAndSubjects,
        queuesTheLinksMail, attemptsOnlyForTheLinksPurpose, looksWithoutCounting, refusesAtMaxAttempts,
        refusesAttemptsOnExpiredOrUnknownLinks,
    ]

    static let keepsAPendingRegistrationUntilItExpires = StoreCheck("pendingRegistration is found until it expires") { store in
        let registration = Fixture.pendingRegistration(emailKey: Fixture.email().lowercased())
        let link = Fixture.link(.createAccount, subject: Fixture.registrationSubject(registration.emailKey))
        try await store.savePendingRegistration(registration, link: link, mail: Fixture.mail())

        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(registration.emailKey), now: Fixture.start + 599) == registration)
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(registration.emailKey), now: Fixture.start + 600) == nil)
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(Fixture.email().lowercased()), now: Fixture.start) == nil)
    }

    static let replacesTheOlderRegistration = StoreCheck(
        "savePendingRegistration replaces the address's older registration and link, and queues its mail"
    ) { store in
        let emailKey = Fixture.email().lowercased()
        let (older, olderLink) = (Fixture.pendingRegistration(emailKey: emailKey), Fixture.link(.createAccount, subject: Fixture.registrationSubject(emailKey)))
        try await store.savePendingRegistration(older, link: olderLink, mail: Fixture.mail())
        let (newer, newerLink) = (Fixture.pendingRegistration(emailKey: emailKey, expiresAt: Fixture.start + 700), Fixture.link(.createAccount, subject: Fixture.registrationSubject(emailKey)))
        let mail = Fixture.mail()
        try await store.savePendingRegistration(newer, link: newerLink, mail: mail)

        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(emailKey), now: Fixture.start) == newer)
        #expect(try await !store.isUsable(olderLink))
        #expect(try await store.usableLink(tokenHash: olderLink.tokenHash, purpose: .createAccount, maxAttempts: 5, now: Fixture.start) == nil)
        let account = Fixture.account(email: emailKey)
        await #expect(throws: MFAStoreError.linkNotUsable) {
            try await store.createAccount(account, recoveryCodeHashes: [], consumingLink: olderLink.use, now: Fixture.start)
        }
        try await store.createAccount(account, recoveryCodeHashes: [], consumingLink: newerLink.use, now: Fixture.start)
        #expect(try await store.claimAllMailIDs().contains(mail.id))
    }

    static let keepsOtherAddressesRegistrations = StoreCheck("savePendingRegistration keeps other addresses' registrations and links") { store in
        let (first, second) = (Fixture.email().lowercased(), Fixture.email().lowercased())
        let registration = Fixture.pendingRegistration(emailKey: first)
        let link = Fixture.link(.createAccount, subject: Fixture.registrationSubject(first))
        try await store.savePendingRegistration(registration, link: link, mail: Fixture.mail())
        try await store.savePendingRegistration(
            Fixture.pendingRegistration(emailKey: second), link: Fixture.link(.createAccount, subject: Fixture.registrationSubject(second)), mail: Fixture.mail()
        )

        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(first), now: Fixture.start) == registration)
        #expect(try await store.isUsable(link))
    }

    static let findsALinkUntilItExpires = StoreCheck("link(tokenHash:) finds a link until it expires") { store in
        let link = try await store.issue(.passwordReset, for: Fixture.id())

        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start + 599) == link)
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start + 600) == nil)
        #expect(try await store.link(tokenHash: Fixture.tokenHash(), now: Fixture.start) == nil)
    }

    static let replacesTheOlderLinkOfAPurpose = StoreCheck("issueLink replaces the older link of the same purpose and subject") { store in
        let subject = Fixture.id()
        let older = try await store.issue(.login, for: subject)
        let newer = try await store.issue(.login, for: subject)

        #expect(try await !store.isUsable(older))
        #expect(try await store.usableLink(tokenHash: older.tokenHash, purpose: .login, maxAttempts: 5, now: Fixture.start) == nil)
        #expect(try await store.isUsable(newer))
    }

    static let keepsLinksOfOtherPurposesAndSubjects = StoreCheck("issueLink keeps links of other purposes and other subjects") { store in
        let (subject, otherSubject) = (Fixture.id(), Fixture.id())
        let reset = try await store.issue(.passwordReset, for: subject)
        let deletion = try await store.issue(.deleteAccount, for: subject)
        let othersLogin = try await store.issue(.login, for: otherSubject)
        let login = try await store.issue(.login, for: subject)
        _ = try await store.issue(.login, for: subject)

        for kept in [reset, deletion, othersLogin] { #expect(try await store.isUsable(kept)) }
        #expect(try await !store.isUsable(login))
    }

    static let queuesTheLinksMail = StoreCheck("issueLink queues its mail") { store in
        let mail = Fixture.mail()
        try await store.issueLink(Fixture.link(.login, subject: Fixture.id()), mail: mail)
        #expect(try await store.claimAllMailIDs() == [mail.id])
    }

    static let attemptsOnlyForTheLinksPurpose = StoreCheck("usableLink refuses a link made for another purpose, counting nothing") { store in
        let link = try await store.issue(.passwordReset, for: Fixture.id())
        for purpose in LinkPurpose.allCases where purpose != .passwordReset {
            #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: purpose, maxAttempts: 5, now: Fixture.start) == nil)
        }
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 0)
    }

    static let looksWithoutCounting = StoreCheck("usableLink returns the link and counts no attempt") { store in
        let link = try await store.issue(.login, for: Fixture.id())
        for second in 0..<10 {
            let found = try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 5, now: Fixture.start + Double(second))
            #expect(found == link)
        }
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 0)
    }

    static let refusesAtMaxAttempts = StoreCheck("usableLink refuses a link that counted maxAttempts failures") { store in
        let link = try await store.issue(.login, for: Fixture.id())
        for _ in 0..<2 { _ = try await store.fail(nil, through: link.use) }
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 3, now: Fixture.start)?.attempts == 2)
        _ = try await store.fail(nil, through: link.use)
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 3, now: Fixture.start) == nil)
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 4, now: Fixture.start) != nil)
    }

    static let refusesAttemptsOnExpiredOrUnknownLinks = StoreCheck("usableLink refuses an expired or unknown link") { store in
        let link = try await store.issue(.login, for: Fixture.id())
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 5, now: Fixture.start + 600) == nil)
        #expect(try await store.usableLink(tokenHash: Fixture.tokenHash(), purpose: .login, maxAttempts: 5, now: Fixture.start) == nil)
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 5, now: Fixture.start + 599) != nil)
    }
}
