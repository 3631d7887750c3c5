import Foundation
import MFACore
import MFASQLite
import MFATestSupport
import Testing
import MFACoreTesting

@Suite struct SQLiteSecretsTests {
    @Test func theRawFilesHoldNoSecretAfterAFullWorkflow() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        let clock = ManualClock()
        let mailer = RecordingMailTransport()
        let hasher = PHCPasswordHasher.fastForTesting
        let mfa = try MFAService(configuration: .init(), store: store, keys: SecretKey.generate(), links: TestLinkBuilder(), passwordHasher: hasher, clock: clock)
        let outbox = MailDeliveryWorker(service: mfa, transport: mailer)
        let password = "correct horse battery staple"
        var tokens: [String] = []
        func nextToken() async throws -> String {
            _ = try await outbox.deliverDueMail()
            let token = try #require(mailer.messages.last?.oneTimeToken)
            tokens.append(token)
            return token
        }

        try await mfa.requestAccountCreation(email: "ada@example.com", password: password, from: .testClient)
        let enrollment = try await mfa.confirmAccountCreation(token: nextToken(), passwordAgain: password, from: .testClient)
        let totp = try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp)
        try await mfa.requestLogin(email: "ada@example.com", from: .testClient)
        let login = try await mfa.completeLogin(
            token: nextToken(), password: password, secondFactor: .totpCode(totp.code(at: clock.now())), from: .testClient
        )
        try await mfa.requestLogin(email: "ada@example.com", from: .testClient)
        let recovery = try await mfa.completeLogin(
            token: nextToken(), password: password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]), from: .testClient
        )
        // Sent mail stays in the outbox (sealed) until purged: its links must not leak either.
        try await mfa.requestDeletion(email: "ada@example.com", password: password, from: .testClient)
        _ = try await nextToken()
        try await mfa.requestPasswordReset(email: "ada@example.com", from: .testClient)
        _ = try await nextToken()

        let raw = try database.rawBytes()
        var secrets: [[UInt8]] = [Array(password.utf8), Array(enrollment.secret.utf8), try Base32.decode(enrollment.secret)]
        secrets += [login.sessionToken, recovery.sessionToken].map { Array($0.utf8) }
        secrets += tokens.map { Array($0.utf8) }
        secrets += enrollment.recoveryCodes.flatMap { [Array($0.utf8), Array($0.replacingOccurrences(of: "-", with: "").utf8)] }
        for secret in secrets {
            #expect(!raw.containsBytes(secret), "a secret of \(secret.count) bytes is in the database files")
        }
        // The address is not secret: the scan would find it, which proves the scan reads the data.
        #expect(raw.containsBytes(Array("ada@example.com".utf8)))
    }

    @Test func aDeletedAccountLeavesNoCopyInFreePages() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let store = try database.open()
        let now = Date()
        let marker = "forgotten-\(UUID().uuidString)@example.com"
        let link = LinkRecord(tokenHash: [1, 2, 3], purpose: .createAccount, subject: marker, expiresAt: now + 600)
        try await store.savePendingRegistration(
            PendingRegistration(email: marker, emailKey: marker, subject: marker, fullName: "Forgotten Person", passwordHash: "$h$", expiresAt: now + 600),
            link: link, mail: QueuedMail(id: "m", sealedMessage: [1], notBefore: now, expiresAt: nil)
        )
        try await store.createAccount(
            AccountRecord(
                id: "gone", email: marker, emailKey: marker, fullName: "Forgotten Person", passwordHash: "$h$",
                authenticator: SealedAuthenticator(sealedSecret: [0], algorithm: .sha1, digits: 6, period: 30), createdAt: now
            ),
            recoveryCodeHashes: [], consumingLink: LinkUse(tokenHash: link.tokenHash, maxAttempts: 5), now: now
        )
        let deletion = LinkRecord(tokenHash: [4, 5, 6], purpose: .deleteAccount, subject: "gone", expiresAt: now + 600)
        try await store.issueLink(deletion, mail: QueuedMail(id: "m2", sealedMessage: [1], notBefore: now, expiresAt: nil))
        _ = try await store.commit(AuthenticatedChange(
            accountID: "gone", consumingLink: LinkUse(tokenHash: deletion.tokenHash, maxAttempts: 5), deletesAccount: true,
            mail: [QueuedMail(id: "m3", sealedMessage: [1], notBefore: now, expiresAt: nil)], now: now
        ))
        #expect(!(try database.rawBytes()).containsBytes(Array(marker.utf8)))
    }
}
