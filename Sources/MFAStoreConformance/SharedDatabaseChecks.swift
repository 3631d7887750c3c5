import Foundation
import MFACore
import Testing

/// Races between stores of different processes on one database.
enum SharedDatabaseChecks {
    static let all = [consumeOneLinkOnce, holdBothLinkLimitsOfOneAddress]

    static let consumeOneLinkOnce = SharedDatabaseCheck(
        "stores on one database racing to consume one link, 50 times, let exactly one win each time"
    ) { stores in
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
                            try await stores[contender % stores.count].createAccount(
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

    /// Link requests for one address from several networks: exactly the total
    /// is admitted, never more than a network's own budget, and nothing refused is counted.
    static let holdBothLinkLimitsOfOneAddress = SharedDatabaseCheck(
        "stores on one database counting one address's link requests hold its total and each network's budget together"
    ) { stores in
        let now = Date()
        let total = LimitedEvent(key: "total", limit: RateLimit(count: 8, window: 3_600))
        func own(network: Int) -> LimitedEvent { LimitedEvent(key: "network-\(network)", limit: RateLimit(count: 3, window: 900)) }
        let admitted = try await withThrowingTaskGroup(of: Int?.self) { group in
            for request in 0..<60 {
                group.addTask {
                    let network = request % 4
                    return try await stores[request % stores.count].countEvents([own(network: network), total], now: now) == nil ? network : nil
                }
            }
            return try await group.reduce(into: [Int]()) { if let network = $1 { $0.append(network) } }
        }
        #expect(admitted.count == 8)
        #expect((0..<4).allSatisfy { network in admitted.count { $0 == network } <= 3 })
        var countedPerNetwork = 0
        for network in 0..<4 {
            while try await stores[network % stores.count].countEvents([own(network: network)], now: now) == nil { countedPerNetwork += 1 }
        }
        #expect(countedPerNetwork == 4 * 3 - 8)
    }
}
