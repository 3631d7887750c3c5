import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct SecretsAtRestTests {
    @Test func theStoreNeverReceivesASecretInTheClear() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let login = try await mfa.login(enrollment: enrollment)
        try await mfa.service.requestDeletion(email: "ada@example.com", password: Harness.password, from: .testClient)
        let pendingToken = try await mfa.lastToken(to: "ada@example.com")
        try await mfa.service.requestAccountCreation(email: "grace@example.com", password: "grace's secret phrase", from: .testClient)

        let stored = String(describing: mfa.store.snapshot())
        let rawSecret = try Base32.decode(enrollment.secret)
        var secrets = [Harness.password, "grace's secret phrase", enrollment.secret, login.sessionToken, pendingToken]
        secrets += enrollment.recoveryCodes + enrollment.recoveryCodes.map { $0.replacingOccurrences(of: "-", with: "") }
        for secret in secrets {
            #expect(!stored.contains(secret), "a secret is stored in the clear")
        }
        #expect(!stored.contains(rawSecret.description), "the raw TOTP secret is stored")
        let sealed = mfa.store.snapshot().accounts[0].authenticator.sealedSecret
        #expect(sealed.count == 56)  // key id 8, nonce 12, secret 20, tag 16
        #expect(!sealed.containsBytes(rawSecret))
        for mail in mfa.store.snapshot().outbox {
            #expect(!mail.sealedMessage.containsBytes(Array(pendingToken.utf8)))
        }
    }

    @Test func errorsCarryNoSecrets() async throws {
        let mfa = try Harness()
        do {
            try await mfa.service.requestAccountCreation(email: "ada@example.com", password: "Password123", from: .testClient)
        } catch {
            #expect(!String(describing: error).contains("Password123"))
            #expect(!error.detail.contains("Password123"))
        }
    }
}
