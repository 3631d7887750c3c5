import Foundation
import MFACore
import Testing

/// `purgeExpired` and `checkHealth`.
///
/// Lookups already hide expired records, so the purge checks look back in
/// time: a record still found at an earlier instant after the purge was kept.
enum HousekeepingChecks {
    static let all = [purgesExpiredRecordsOnly, keepsUnfinishedMail, keepsLiveLimitWindows, answersHealthChecks]

    static let purgesExpiredRecordsOnly = StoreCheck("purgeExpired deletes expired links, sessions and pending registrations, and keeps live ones") { store in
        let account = try await store.register()
        let (expiredLink, liveLink) = (
            try await store.issue(.login, for: account.id, expiresAt: Fixture.start + 600),
            try await store.issue(.passwordReset, for: account.id, expiresAt: Fixture.start + 1_200)
        )
        let (expiredSession, liveSession) = (
            try await store.openSession(for: account.id, expiresAt: Fixture.start + 600),
            try await store.openSession(for: account.id, expiresAt: Fixture.start + 1_200)
        )
        let (expiredKey, liveKey) = (Fixture.email().lowercased(), Fixture.email().lowercased())
        try await store.savePendingRegistration(
            Fixture.pendingRegistration(emailKey: expiredKey, expiresAt: Fixture.start + 600),
            link: Fixture.link(.createAccount, subject: Fixture.registrationSubject(expiredKey), expiresAt: Fixture.start + 600), mail: Fixture.mail()
        )
        try await store.savePendingRegistration(
            Fixture.pendingRegistration(emailKey: liveKey, expiresAt: Fixture.start + 1_200),
            link: Fixture.link(.createAccount, subject: Fixture.registrationSubject(liveKey), expiresAt: Fixture.start + 1_200), mail: Fixture.mail()
        )

        try await store.purgeExpired(now: Fixture.start + 600, finishedMailRetention: 86_400)

        #expect(try await !store.isUsable(expiredLink))
        #expect(try await store.isUsable(liveLink))
        #expect(try await !store.isOpen(expiredSession))
        #expect(try await store.isOpen(liveSession))
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(expiredKey), now: Fixture.start) == nil)
        #expect(try await store.pendingRegistration(subject: Fixture.registrationSubject(liveKey), now: Fixture.start) != nil)
        #expect(try await store.account(id: account.id) == account)
    }

    static let keepsUnfinishedMail = StoreCheck("purgeExpired keeps every unfinished message, however old") { store in
        let (old, expired, retried) = (
            Fixture.mail(notBefore: Fixture.start - 30 * 86_400),
            Fixture.mail(notBefore: Fixture.start - 30 * 86_400, expiresAt: Fixture.start - 29 * 86_400),
            Fixture.mail(notBefore: Fixture.start - 30 * 86_400)
        )
        for mail in [old, expired, retried] { try await store.enqueue(mail) }
        _ = try await store.claimMail(now: Fixture.start - 30 * 86_400, leaseUntil: Fixture.start - 30 * 86_400 + 60, limit: 10)
        try await store.finishMail(id: retried.id, as: .retry(notBefore: Fixture.start - 20 * 86_400), now: Fixture.start - 30 * 86_400)

        try await store.purgeExpired(now: Fixture.start, finishedMailRetention: 86_400)

        let claimed = try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 10)
        #expect(Set(claimed.map(\.id)) == [old.id, expired.id, retried.id])
    }

    static let keepsLiveLimitWindows = StoreCheck("purgeExpired keeps limit windows that have not ended") { store in
        let limit = RateLimit(count: 2, window: 900)
        let events = [LimitedEvent(key: "k", limit: limit)]
        for _ in 0..<2 { _ = try await store.countEvents(events, now: Fixture.start) }
        try await store.purgeExpired(now: Fixture.start + 899, finishedMailRetention: 86_400)
        #expect(try await store.countEvents(events, now: Fixture.start + 899) == Fixture.start + 900)
    }

    static let answersHealthChecks = StoreCheck("checkHealth succeeds on a working store") { store in
        try await store.checkHealth()
        _ = try await store.register()
        try await store.checkHealth()
    }
}
