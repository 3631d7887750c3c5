import Foundation
import MFACore
import Testing

/// Concurrent callers: what may happen once happens exactly once.
///
/// Each race starts 50 tasks at once; a store that checks and then writes in
/// two steps lets several through.
enum RaceChecks {
    static let all = [
        createsOnceThroughOneLink, commitsOnceThroughOneLink, deletesOnceThroughOneLink, acceptsOneTimeStepOnce,
        usesOneRecoveryCodeOnce, allowsMaxAttemptsOnALink, admitsTheLimitOfEvents, locksOncePerMaxFailures,
        keepsOneLinkOfConcurrentIssues, keepsOneOfConcurrentRegistrations, neverHandsOneMessageToTwoWorkers,
    ]

    static let tasks = 50

    static let createsOnceThroughOneLink = StoreCheck("50 concurrent createAccount with one link: exactly one succeeds") { store in
        let email = Fixture.email()
        let link = try await store.issue(.createAccount, for: email.lowercased())
        let results = await concurrently(tasks) { _ in
            try await store.createAccount(
                Fixture.account(email: email), recoveryCodeHashes: Fixture.recoveryCodes(), consumingLink: link.tokenHash, now: Fixture.start
            )
        }
        expect(results, winners: 1, losersSee: .linkNotUsable)
        #expect(try await store.account(emailKey: email.lowercased()) != nil)
    }

    static let commitsOnceThroughOneLink = StoreCheck("50 concurrent commits consuming one link: exactly one succeeds") { store in
        let account = try await store.register()
        let link = try await store.issue(.passwordReset, for: account.id)
        let results = await concurrently(tasks) { _ in
            try await store.commit(AuthenticatedChange(
                accountID: account.id, consumingLink: link.tokenHash, newPasswordHash: Fixture.passwordHash(), now: Fixture.start
            ))
        }
        expect(results, winners: 1, losersSee: .linkNotUsable)
    }

    static let deletesOnceThroughOneLink = StoreCheck("50 concurrent deleteAccount with one link: exactly one succeeds, the others see linkNotUsable") { store in
        let account = try await store.register()
        let link = try await store.issue(.deleteAccount, for: account.id)
        let mail = (0..<tasks).map { _ in Fixture.mail() }
        let results = await concurrently(tasks) { index in
            try await store.deleteAccount(id: account.id, consumingLink: link.tokenHash, mail: mail[index], now: Fixture.start)
        }
        expect(results, winners: 1, losersSee: .linkNotUsable)
        #expect(try await store.account(id: account.id) == nil)
        #expect(try await store.claimAllMailIDs().intersection(mail.map(\.id)).count == 1)
    }

    static let acceptsOneTimeStepOnce = StoreCheck("50 concurrent logins with one time step: exactly one is accepted and opens a session") { store in
        let account = try await store.register()
        let sessions = (0..<tasks).map { _ in Fixture.session(accountID: account.id) }
        let results = await concurrently(tasks) { index in
            try await store.commit(AuthenticatedChange(
                accountID: account.id, acceptedTimeStep: 58_320_000, recordsLogin: true, newSession: sessions[index], now: Fixture.start
            ))
        }
        expect(results, winners: 1, losersSee: .timeStepAlreadyUsed)
        var open = 0
        for session in sessions where try await store.isOpen(session) { open += 1 }
        #expect(open == 1)
    }

    static let usesOneRecoveryCodeOnce = StoreCheck("50 concurrent logins with one recovery code: exactly one is accepted") { store in
        let codes = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: codes)
        let results = await concurrently(tasks) { _ in
            try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: codes[0], recordsLogin: true, now: Fixture.start))
        }
        expect(results, winners: 1, losersSee: .recoveryCodeNotFound)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 9)
    }

    static let allowsMaxAttemptsOnALink = StoreCheck("50 concurrent beginLinkAttempt with maxAttempts 5: exactly 5 succeed") { store in
        let link = try await store.issue(.login, for: Fixture.id())
        let results = await concurrently(tasks) { _ in
            try await store.beginLinkAttempt(tokenHash: link.tokenHash, purpose: .login, maxAttempts: 5, now: Fixture.start)
        }
        let attempts = try results.compactMap { try $0.get()?.attempts }
        #expect(attempts.sorted() == [1, 2, 3, 4, 5])
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == 5)
    }

    static let admitsTheLimitOfEvents = StoreCheck("50 concurrent countEvent with a limit of 10: exactly 10 are admitted") { store in
        let limit = RateLimit(count: 10, window: 900)
        let results = await concurrently(tasks) { _ in
            try await store.countEvent(key: "address:ada", limit: limit, now: Fixture.start)
        }
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.count { $0 == nil } == 10)
        #expect(outcomes.count { $0 == Fixture.start + 900 } == tasks - 10)
    }

    static let locksOncePerMaxFailures = StoreCheck("50 concurrent recordFailure with maxFailures 10: exactly 5 lock the account") { store in
        let account = try await store.register()
        let results = await concurrently(tasks) { _ in
            try await store.recordFailure(accountID: account.id, maxFailures: 10, lockDuration: 900, now: Fixture.start)
        }
        let locks = try results.compactMap { try $0.get() }
        #expect(locks == Array(repeating: Fixture.start + 900, count: 5))
    }

    static let keepsOneLinkOfConcurrentIssues = StoreCheck("50 concurrent issueLink for one purpose and subject: exactly one link is left") { store in
        let subject = Fixture.id()
        let links = (0..<tasks).map { _ in Fixture.link(.login, subject: subject) }
        let results = await concurrently(tasks) { index in try await store.issueLink(links[index], mail: Fixture.mail()) }
        for result in results { try result.get() }
        var usable = 0
        for link in links where try await store.isUsable(link) { usable += 1 }
        #expect(usable == 1)
    }

    static let keepsOneOfConcurrentRegistrations = StoreCheck(
        "50 concurrent savePendingRegistration for one address: exactly one registration and its link are left"
    ) { store in
        let emailKey = Fixture.email().lowercased()
        let registrations = (0..<tasks).map { _ in
            (Fixture.pendingRegistration(emailKey: emailKey), Fixture.link(.createAccount, subject: Fixture.registrationSubject(emailKey)))
        }
        let results = await concurrently(tasks) { index in
            try await store.savePendingRegistration(registrations[index].0, link: registrations[index].1, mail: Fixture.mail())
        }
        for result in results { try result.get() }
        var survivors: [PendingRegistration] = []
        for (registration, link) in registrations where try await store.isUsable(link) { survivors.append(registration) }
        #expect(survivors.count == 1)
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(emailKey), now: Fixture.start) == survivors.first)
    }

    static let neverHandsOneMessageToTwoWorkers = StoreCheck("10 workers claiming 20 messages at once never claim one message twice") { store in
        let mail = (0..<20).map { _ in Fixture.mail() }
        for message in mail { try await store.enqueue(message) }
        let results = await concurrently(10) { _ in
            try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 3)
        }
        let claimed = try results.flatMap { try $0.get() }.map(\.id)
        #expect(claimed.count == 20)
        #expect(Set(claimed) == Set(mail.map(\.id)))
    }
}
