import Foundation
import MFACore
import Testing

/// The mail outbox: queueing, claiming with a lease, and finishing.
enum OutboxChecks {
    static let all = [
        claimsNothingFromAnEmptyOutbox, claimsOnlyDueMail, claimsTheOldestFirstUpToTheLimit, leasesClaimedMail,
        finishedMailIsNotClaimedAgain, retriedMailWaitsAndCountsTheAttempt, dropsDueExpiredMailAtOnce,
    ]

    static let claimsNothingFromAnEmptyOutbox = StoreCheck("claimMail returns nothing from an empty outbox") { store async throws in
        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 10).isEmpty)
    }

    static let claimsOnlyDueMail = StoreCheck("claimMail returns only messages whose notBefore has come, as queued") { store in
        let due = Fixture.mail(notBefore: Fixture.start, expiresAt: Fixture.start + 600)
        let later = Fixture.mail(notBefore: Fixture.start + 60)
        try await store.enqueue(due)
        try await store.enqueue(later)

        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 300, limit: 10) == [due])
        #expect(try await store.claimMail(now: Fixture.start + 59, leaseUntil: Fixture.start + 300, limit: 10).isEmpty)
        #expect(try await store.claimMail(now: Fixture.start + 60, leaseUntil: Fixture.start + 300, limit: 10) == [later])
    }

    static let claimsTheOldestFirstUpToTheLimit = StoreCheck("claimMail returns at most limit messages, the oldest first") { store in
        let mail = (1...5).map { Fixture.mail(notBefore: Fixture.start - Double($0) * 10) }
        for message in mail.shuffled() { try await store.enqueue(message) }
        let lease = Fixture.start + 300

        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: lease, limit: 2) == [mail[4], mail[3]])
        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: lease, limit: 2) == [mail[2], mail[1]])
        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: lease, limit: 2) == [mail[0]])
    }

    static let leasesClaimedMail = StoreCheck("claimMail leases a message: nobody claims it again before leaseUntil") { store in
        let mail = Fixture.mail()
        try await store.enqueue(mail)
        #expect(try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 10) == [mail])

        #expect(try await store.claimMail(now: Fixture.start + 59, leaseUntil: Fixture.start + 120, limit: 10).isEmpty)
        // A worker that died holding the lease does not lose the message.
        #expect(try await store.claimMail(now: Fixture.start + 60, leaseUntil: Fixture.start + 120, limit: 10) == [mail])
    }

    static let finishedMailIsNotClaimedAgain = StoreCheck("finishMail as sent, failed or dropped ends the message for good") { store in
        let mail = (0..<3).map { _ in Fixture.mail() }
        for message in mail { try await store.enqueue(message) }
        _ = try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 10)
        for (message, disposition) in zip(mail, [MailDisposition.sent, .failed, .dropped]) {
            try await store.finishMail(id: message.id, as: disposition, now: Fixture.start + 1)
        }

        #expect(try await store.claimMail(now: Fixture.start + 3_600, leaseUntil: Fixture.start + 3_660, limit: 10).isEmpty)
    }

    static let retriedMailWaitsAndCountsTheAttempt = StoreCheck("finishMail as retry makes the message due again at notBefore, counting the attempt") { store in
        let mail = Fixture.mail()
        try await store.enqueue(mail)
        _ = try await store.claimMail(now: Fixture.start, leaseUntil: Fixture.start + 60, limit: 10)
        try await store.finishMail(id: mail.id, as: .retry(notBefore: Fixture.start + 300), now: Fixture.start + 1)

        #expect(try await store.claimMail(now: Fixture.start + 299, leaseUntil: Fixture.start + 400, limit: 10).isEmpty)
        let retried = try await store.claimMail(now: Fixture.start + 300, leaseUntil: Fixture.start + 400, limit: 10)
        #expect(retried.map(\.id) == [mail.id])
        #expect(retried.first?.attempts == 1)
        #expect(retried.first?.notBefore == Fixture.start + 300)
        #expect(retried.first?.sealedMessage == mail.sealedMessage)

        try await store.finishMail(id: mail.id, as: .retry(notBefore: Fixture.start + 900), now: Fixture.start + 301)
        #expect(try await store.claimMail(now: Fixture.start + 900, leaseUntil: Fixture.start + 960, limit: 10).first?.attempts == 2)
    }

    static let dropsDueExpiredMailAtOnce = StoreCheck(
        "dropExpiredMail finishes the due, unleased mail whose link expired, and no other, unless the store drops none"
    ) { store in
        let now = Fixture.start + 10
        let expired = (0..<3).map { _ in Fixture.mail(expiresAt: now) }
        let unexpired = Fixture.mail(expiresAt: now + 1)
        let linkless = Fixture.mail()
        let notYetDue = Fixture.mail(notBefore: now + 1, expiresAt: Fixture.start)
        let leased = Fixture.mail(expiresAt: Fixture.start)
        try await store.enqueue(leased)
        _ = try await store.claimMail(now: Fixture.start, leaseUntil: now + 60, limit: 1)
        for message in expired + [unexpired, linkless, notYetDue] { try await store.enqueue(message) }

        let dropped = try await store.dropExpiredMail(now: now)
        let claimed = try await store.claimMail(now: now, leaseUntil: now + 60, limit: 10)
        if dropped == 0 {
            // The protocol's default: the store leaves expired mail to claimMail
            // and the worker, so it must not have finished any of it either.
            #expect(Set(claimed.map(\.id)) == Set((expired + [unexpired, linkless]).map(\.id)))
        } else {
            #expect(dropped == expired.count)
            #expect(try await store.dropExpiredMail(now: now) == 0)
            #expect(Set(claimed.map(\.id)) == [unexpired.id, linkless.id])
        }
    }
}
