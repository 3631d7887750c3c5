import Foundation
import MFACore
import MFAStoreConformance
import Testing

@Suite("InMemoryStore conformance")
struct InMemoryStoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func conforms(to check: StoreCheck) async throws {
        try await check.run { InMemoryStore() }
    }

    @Test func checkNamesAreUnique() {
        let names = StoreConformance.checks.map(\.name)
        #expect(Set(names).count == names.count)
    }

    // The protocol gives no way to see finished mail, so the retention of
    // finished mail is checked here, on the store's own snapshot.
    @Test func purgeDeletesFinishedMailOnlyAfterTheRetention() async throws {
        let store = InMemoryStore()
        let start = Date(timeIntervalSince1970: 1_749_600_000)
        let (old, recent) = (mail(id: "old", at: start), mail(id: "recent", at: start))
        for message in [old, recent] { try await store.enqueue(message) }
        _ = try await store.claimMail(now: start, leaseUntil: start + 60, limit: 10)
        try await store.finishMail(id: old.id, as: .sent, now: start)
        try await store.finishMail(id: recent.id, as: .failed, now: start + 3_600)

        try await store.purgeExpired(now: start + 86_400 + 1, finishedMailRetention: 86_400)

        #expect(store.snapshot().outbox.map(\.id) == ["recent"])
    }

    private func mail(id: String, at time: Date) -> QueuedMail {
        QueuedMail(id: id, sealedMessage: [1, 2, 3], notBefore: time, expiresAt: nil)
    }
}
