import Crypto
import Foundation
import GRDB
import MFACore
import MFACoreTesting
@testable import MFASQLite
import MFATestSupport
import Testing

/// A database written before key ids and keyed hashes (schema 1) is upgraded
/// on first start: boxes re-sealed with key ids, recovery codes and
/// registration links keyed, limit windows dropped; everything keeps working.
@Suite struct SQLiteLegacyUpgradeTests {
    static let password = "correct horse battery staple"

    @Test func aDatabaseFromBeforeKeyIDsKeepsWorkingAfterItsFirstStart() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let key = SecretKey.generate()
        let clock = ManualClock()
        let legacy = try await LegacyDatabase.write(at: database, key: key, now: clock.now())
        let mailer = RecordingMailTransport()
        let store = try database.open()
        let mfa = try MFAService(
            configuration: .init(), store: store, keys: key, links: TestLinkBuilder(),
            passwordHasher: PHCPasswordHasher.fastForTesting, clock: clock
        )
        let report = try await mfa.prepare()
        #expect(report.resealed == 2 && report.unopenable == 0)  // the TOTP secret and the queued mail
        #expect(try await store.sealedValues(notStartingWith: key.id).isEmpty)

        let rows = try DatabaseQueue(path: database.path)
        try await rows.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM limit_window") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM legacy_rows") == 0)
            let codes = try Data.fetchAll(db, sql: "SELECT code_hash FROM recovery_code").map { [UInt8]($0) }
            #expect(codes.count == 2 && !codes.contains(legacy.unkeyedCodeHashes[0]))
            #expect(try String.fetchAll(db, sql: "SELECT subject FROM link").allSatisfy { !$0.contains("@") })
        }

        // The queued mail opens and goes out.
        let worker = MailDeliveryWorker(service: mfa, transport: mailer)
        #expect(try await worker.deliverDueMail().sent == 1)
        // The TOTP secret opens, and the recovery code still works.
        try await mfa.requestLogin(email: "ada@example.com", from: .testClient)
        _ = try await worker.deliverDueMail()
        let code = try TOTP(key: legacy.totpSecret).code(at: clock.now())
        _ = try await mfa.completeLogin(
            token: mailer.messages.last!.oneTimeToken!, password: Self.password, secondFactor: .totpCode(code), from: .testClient
        )
        try await mfa.requestLogin(email: "ada@example.com", from: .testClient)
        _ = try await worker.deliverDueMail()
        let recovery = try await mfa.completeLogin(
            token: mailer.messages.last!.oneTimeToken!, password: Self.password, secondFactor: .recoveryCode(legacy.recoveryCode), from: .testClient
        )
        #expect(recovery.recoveryCodesRemaining == 1)
        // The pending registration's link still confirms it.
        _ = try await mfa.confirmAccountCreation(token: legacy.registrationToken, passwordAgain: Self.password, from: .testClient)
        #expect(try await store.account(emailKey: "grace@example.com") != nil)
        // A second start finds nothing left to do.
        #expect(try await mfa.prepare().foundNothing)
    }
}

/// Rows as the release before keyed hashes wrote them.
struct LegacyDatabase {
    var totpSecret: [UInt8]
    var recoveryCode: String
    var unkeyedCodeHashes: [[UInt8]]
    var registrationToken: String

    static func write(at database: TemporaryDatabase, key: SecretKey, now date: Date) async throws -> LegacyDatabase {
        try FileManager.default.createDirectory(atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: database.path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "1 accounts, registrations, links, sessions, recovery codes, limits, outbox")
        let rawKey = SymmetricKey(data: key.bytes)
        let secret = (0..<20).map { _ in UInt8.random(in: 0...255) }
        let mail = try JSONEncoder().encode(MailMessage(recipient: "ada@example.com", subject: "Hello", textBody: "Queued before the upgrade."))
        func seal(_ bytes: [UInt8], _ context: String) throws -> Data {
            try AES.GCM.seal(bytes, using: rawKey, authenticating: Array(context.utf8)).combined!
        }
        let (sealedSecret, sealedMail) = (try seal(secret, "acct-1"), try seal(Array(mail), "mail-1"))
        let passwordHash = try PHCPasswordHasher.fastForTesting.hash(SQLiteLegacyUpgradeTests.password)
        let codes = ["7kq29xmd4cvatn3e", "8kq29xmd4cvatn3e"]
        let unkeyed = codes.map { Array(SHA256.hash(data: Array("acct-1:\($0)".utf8))) }
        let registrationToken = OpaqueToken(value: "legacy-registration-token")
        let now = date.timeIntervalSince1970
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, email, email_key, password_hash, totp_sealed_secret, totp_algorithm, totp_digits,
                        totp_period, created_at) VALUES ('acct-1', 'ada@example.com', 'ada@example.com', ?, ?, 'SHA1', 6, 30, ?)
                    """,
                arguments: [passwordHash, sealedSecret, now]
            )
            for hash in unkeyed {
                try db.execute(sql: "INSERT INTO recovery_code (account_id, code_hash) VALUES ('acct-1', ?)", arguments: [Data(hash)])
            }
            try db.execute(
                sql: """
                    INSERT INTO pending_registration (email_key, email, password_hash, expires_at)
                    VALUES ('grace@example.com', 'grace@example.com', ?, ?)
                    """,
                arguments: [passwordHash, now + 86_400]
            )
            try db.execute(
                sql: "INSERT INTO link (token_hash, purpose, subject, expires_at) VALUES (?, 'create_account', 'grace@example.com', ?)",
                arguments: [Data(registrationToken.hash), now + 86_400]
            )
            try db.execute(
                sql: "INSERT INTO limit_window (key, started_at, event_count, ends_at) VALUES ('address:0123', ?, 5, ?)",
                arguments: [now, now + 86_400]
            )
            try db.execute(
                sql: "INSERT INTO outbox (id, sealed_message, not_before) VALUES ('mail-1', ?, ?)",
                arguments: [sealedMail, now - 60]
            )
        }
        return LegacyDatabase(totpSecret: secret, recoveryCode: codes[1], unkeyedCodeHashes: unkeyed, registrationToken: registrationToken.value)
    }
}
