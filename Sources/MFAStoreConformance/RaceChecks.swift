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
        usesOneRecoveryCodeOnce, allowsMaxAttemptsOnALink, commitsOrFailsOnTheLastAttempt, admitsTheLimitOfEvents,
        locksOncePerMaxFailures,
        keepsOneLinkOfConcurrentIssues, keepsOneOfConcurrentRegistrations, neverHandsOneMessageToTwoWorkers,
    ]

    static let tasks = 50

    static let createsOnceThroughOneLink = StoreCheck("50 concurrent createAccount with one link: exactly one succeeds") { store in
        let email = Fixture.email()
        let link = try await store.issue(.createAccount, for: email.lowercased())
        let results = await concurrently(tasks) { _ in
            try await store.createAccount(
                Fixture.account(email: email), recoveryCodeHashes: Fixture.recoveryCodes(), consumingLink: link.use, now: Fixture.start
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
                accountID: account.id, consumingLink: link.use, newPasswordHash: Fixture.passwordHash(), now: Fixture.start
            ))
        }
        expect(results, winners: 1, losersSee: .linkNotUsable)
    }

    static let deletesOnceThroughOneLink = StoreCheck("50 concurrent deleting commits with one link: exactly one succeeds, the others see linkNotUsable") { store in
        let account = try await store.register()
        let link = try await store.issue(.deleteAccount, for: account.id)
        let mail = (0..<tasks).map { _ in Fixture.mail() }
        let results = await concurrently(tasks) { index in
            try await store.commitDeletion(id: account.id, consumingLink: link.use, mail: mail[index], now: Fixture.start)
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

    static let allowsMaxAttemptsOnALink = StoreCheck(
        "50 concurrent failures through one link allowing 5: exactly 5 are counted, the others see linkUnusable"
    ) { store in
        let link = try await store.issue(.login, for: Fixture.id())
        let results = await concurrently(tasks) { _ in try await store.fail(nil, through: link.use) }
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.count { $0 == .counted(failures: 0, lockedUntil: nil) } == Fixture.maxAttempts)
        #expect(outcomes.count { $0 == .linkUnusable } == tasks - Fixture.maxAttempts)
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.attempts == Fixture.maxAttempts)
    }

    static let commitsOrFailsOnTheLastAttempt = StoreCheck(
        "25 commits racing 25 failures on a link with one attempt left: exactly one of the 50 goes through"
    ) { store in
        let account = try await store.register()
        let link = try await store.issue(.login, for: account.id)
        for _ in 0..<(Fixture.maxAttempts - 1) { _ = try await store.fail(nil, through: link.use) }
        let results = await concurrently(tasks) { index in
            if index.isMultiple(of: 2) {
                _ = try await store.commit(AuthenticatedChange(accountID: account.id, consumingLink: link.use, now: Fixture.start))
                return true
            }
            if case .counted = try await store.fail(account.id, through: link.use) { return true }
            return false
        }
        #expect(results.count { (try? $0.get()) == true } == 1)
        #expect(try await store.usableLink(tokenHash: link.tokenHash, purpose: .login, maxAttempts: Fixture.maxAttempts, now: Fixture.start) == nil)
    }

    static let admitsTheLimitOfEvents = StoreCheck("50 concurrent countEvents with a limit of 10: exactly 10 are admitted") { store in
        let limit = RateLimit(count: 10, window: 900)
        let results = await concurrently(tasks) { _ in
            try await store.countEvents([LimitedEvent(key: "address:ada", limit: limit)], now: Fixture.start)
        }
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.count { $0 == nil } == 10)
        #expect(outcomes.count { $0 == Fixture.start + 900 } == tasks - 10)
    }

    static let locksOncePerMaxFailures = StoreCheck(
        "50 concurrent failures of one account: exactly failuresPerLock are counted, one locks, the others see the lock"
    ) { store in
        let account = try await store.register()
        let results = await concurrently(tasks) { _ in try await store.fail(account.id) }
        let outcomes = try results.map { try $0.get() }
        let perLock = Fixture.policy.failuresPerLock
        #expect(outcomes.count { if case .counted = $0 { true } else { false } } == perLock)
        #expect(outcomes.contains(.counted(failures: perLock, lockedUntil: Fixture.start + 900)))
        #expect(outcomes.count { $0 == .accountLocked(until: Fixture.start + 900) } == tasks - perLock)
        #expect(try await store.account(id: account.id)?.consecutiveFailures == perLock)
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
