import Foundation
import InMemoryLogging
import Logging
import MFACore
import MFAPostgres
import MFATestSupport
import Testing

/// The store's logger at its most verbose writes no stored value: postgres-nio's
/// trace lines, which describe every message it exchanges, are never written.
@Suite(.needsPostgres) struct PostgresLogTests {
    @Test func aStoreLoggingAtTraceLogsNoHashSealedValueOrPassword() async throws {
        try await TemporaryPostgresDatabase.with { database in
            let handler = InMemoryLogHandler()
            var logger = Logger(label: "store") { _ in handler }
            logger.logLevel = .trace
            let store = try database.store(logger: logger)
            let passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$never-in-a-log"
            let sealed: [UInt8] = Array("sealed-secret-never-in-a-log".utf8)
            try await store.whileRunning {
                let account = AccountRecord(
                    id: "account-1", email: "ada@example.com", emailKey: "ada@example.com", fullName: nil, passwordHash: passwordHash,
                    authenticator: SealedAuthenticator(sealedSecret: sealed, algorithm: .sha1, digits: 6, period: 30), createdAt: Date(timeIntervalSince1970: 1_800_000_000)
                )
                try await store.importAccount(account)
                #expect(try await store.account(id: account.id) == account)
            }
            #expect(!handler.entries.isEmpty, "the store logged nothing at all")
            let logged = handler.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            // As text, and as the hex a byte buffer prints.
            for secret in ["never-in-a-log", "c2FsdHNhbHRzYWx0"] {
                #expect(!logged.contains(secret))
                #expect(!logged.contains(Data(secret.utf8).map { String($0, radix: 16) }.joined()))
            }
            #expect(!handler.entries.contains { $0.level == .trace })
        }
    }
}
