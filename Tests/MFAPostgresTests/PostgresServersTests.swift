import Foundation
import MFACore
import MFAPostgres
import MFATestSupport
import PostgresNIO
import Testing

/// Several stores (connection pools) on one database stand for several servers.
@Suite(.needsPostgres) struct PostgresServersTests {
    @Test func serversStartingTogetherOnANewDatabaseMigrateItOnce() async throws {
        try await TemporaryPostgresDatabase.with { database in
            let stores = try (0..<6).map { _ in try database.store() }
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for store in stores {
                    group.addTask {
                        try await withThrowingTaskGroup(of: Void.self) { pool in
                            pool.addTask { await store.run() }
                            defer { pool.cancelAll() }
                            return try await store.migrate()
                        }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            // One server applied every migration; the others waited for it and found nothing to do.
            #expect(applied.filter { !$0.isEmpty }.count == 1)
            let recorded = try await TemporaryPostgresDatabase.execute("SELECT count(*) FROM mfa_migration", on: database.url)
            #expect(try recorded.first?.decode(Int.self) == applied.flatMap { $0 }.count)
        }
    }

    @Test func twoServersRaceToConsumeOneTokenFiftyTimes() async throws {
        try await TemporaryPostgresDatabase.withTwoStores { stores in
            let now = Date()
            for round in 0..<50 {
                let email = "racer\(round)@example.com"
                let link = LinkRecord(tokenHash: Array("token-\(round)".utf8), purpose: .createAccount, subject: email, expiresAt: now + 600)
                try await stores[0].savePendingRegistration(
                    PendingRegistration(email: email, emailKey: email, subject: email, fullName: nil, passwordHash: "$h$", expiresAt: now + 600),
                    link: link, mail: QueuedMail(id: "mail-\(round)", sealedMessage: [1], notBefore: now, expiresAt: nil)
                )
                let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for contender in 0..<4 {
                        group.addTask {
                            let account = AccountRecord(
                                id: "account-\(round)-\(contender)", email: email, emailKey: email, fullName: nil, passwordHash: "$h$",
                                authenticator: SealedAuthenticator(sealedSecret: [0], algorithm: .sha1, digits: 6, period: 30), createdAt: now
                            )
                            do {
                                try await stores[contender % 2].createAccount(
                                    account, recoveryCodeHashes: [], consumingLink: LinkUse(tokenHash: link.tokenHash, maxAttempts: 5), now: now
                                )
                                return true
                            } catch MFAStoreError.linkNotUsable {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(wins == 1, "round \(round): \(wins) winners")
            }
        }
    }

    @Test func twoServersCountOneLimitTogether() async throws {
        try await TemporaryPostgresDatabase.withTwoStores { stores in
            let now = Date()
            let total = LimitedEvent(key: "total", limit: RateLimit(count: 8, window: 3_600))
            let admitted = try await withThrowingTaskGroup(of: Int?.self) { group in
                for request in 0..<60 {
                    group.addTask {
                        let network = request % 4
                        let events = [LimitedEvent(key: "network-\(network)", limit: RateLimit(count: 3, window: 900)), total]
                        return try await stores[request % 2].countEvents(events, now: now) == nil ? network : nil
                    }
                }
                return try await group.reduce(into: [Int]()) { if let network = $1 { $0.append(network) } }
            }
            #expect(admitted.count == 8)
            #expect((0..<4).allSatisfy { network in admitted.count { $0 == network } <= 3 })
        }
    }
}
