import Foundation
import MFACore
import MFASQLite
import Testing

@Suite struct SQLiteConcurrencyTests {
    /// Two independent pools on one file stand for two server processes.
    @Test func twoPoolsRaceToConsumeOneTokenFiftyTimes() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let stores = [try database.open(), try database.open()]
        let now = Date()
        for round in 0..<50 {
            let email = "racer\(round)@example.com"
            let link = LinkRecord(tokenHash: Array("token-\(round)".utf8), purpose: .createAccount, subject: email, expiresAt: now + 600)
            try await stores[0].savePendingRegistration(
                PendingRegistration(email: email, emailKey: email, fullName: nil, passwordHash: "$h$", expiresAt: now + 600),
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
                            try await stores[contender % 2].createAccount(account, recoveryCodeHashes: [], consumingLink: LinkUse(tokenHash: link.tokenHash, maxAttempts: 5), now: now)
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
