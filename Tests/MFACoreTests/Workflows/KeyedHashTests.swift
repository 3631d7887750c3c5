import Crypto
import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct KeyedHashTests {
    @Test func recoveryCodesAreStoredAsKeyedHashes() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let account = try #require(mfa.store.snapshot().accounts.first)
        let stored = try #require(mfa.store.snapshot().recoveryCodeHashes[account.id])
        #expect(stored.count == 10)
        for code in enrollment.recoveryCodes {
            let letters = code.replacingOccurrences(of: "-", with: "")
            // The unkeyed form stored before: whoever has the database could test guesses offline.
            #expect(!stored.contains(Array(SHA256.hash(data: Array("\(account.id):\(letters)".utf8)))))
            #expect(!stored.contains(Array(SHA256.hash(data: Array(letters.utf8)))))
        }

        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let login = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]),
            from: .testClient
        )
        #expect(login.recoveryCodesRemaining == 9)
    }

    @Test func theSameCodeHashesDifferentlyUnderAnotherHashKey() async throws {
        let (first, second) = (try Harness(), try Harness())
        let firstEnrollment = try await first.createAccount()
        _ = try await second.createAccount()
        let hashes = { (mfa: Harness) in mfa.store.snapshot().recoveryCodeHashes.values.flatMap { $0 } }
        #expect(Set(hashes(first)).isDisjoint(with: hashes(second)))
        #expect(firstEnrollment.recoveryCodes.count == 10)
    }

    @Test func limitKeysShowNeitherTheAddressNorItsHash() async throws {
        let mfa = try Harness()
        try await mfa.service.requestLogin(email: "Nobody@Example.com", from: .testClient)
        try await mfa.service.admitRequest(from: ClientNetwork(ipAddress: "192.0.2.7")!)
        let keys = mfa.store.snapshot().limitKeys
        #expect(keys.count == 3)  // (address, client network), address total, client network
        for key in keys {
            #expect(key.count == 64 && key.allSatisfy(\.isHexDigit))
            for text in ["nobody@example.com", "192.0.2.7", ClientNetwork.testClient.key] {
                #expect(!key.contains(text) && !key.contains(Self.sha256Hex(text)))
            }
        }
    }

    @Test func aRegistrationLinkNamesItsAddressOnlyThroughAKeyedHash() async throws {
        let mfa = try Harness()
        try await mfa.service.requestAccountCreation(email: "Grace@Example.com", password: Harness.password, from: .testClient)
        let snapshot = mfa.store.snapshot()
        let link = try #require(snapshot.links.first)
        #expect(link.subject.count == 64)
        #expect(!link.subject.contains("grace") && link.subject != Self.sha256Hex("grace@example.com"))
        #expect(snapshot.pendingRegistrations.first?.subject == link.subject)
        _ = try await mfa.service.confirmAccountCreation(
            token: mfa.lastToken(to: "Grace@Example.com"), passwordAgain: Harness.password, from: .testClient
        )
        #expect(mfa.store.snapshot().accounts.count == 1)
    }

    @Test func theHashKeyIsCreatedOnceAndStoredSealed() async throws {
        let mfa = try Harness()
        try await mfa.service.prepare()
        let sealed = try #require(try await mfa.store.sealedValues(notStartingWith: SecretKey.generate().id).first { $0.location == .hashKey })
        #expect(sealed.sealed.starts(with: mfa.keys.keyRing().current.id))
        #expect(sealed.sealed.count == 68)  // key id 8, nonce 12, key 32, tag 16

        // A second service on the same store finds the key and hashes as the first.
        let other = try mfa.service(keys: mfa.keys)
        try await other.admitRequest(from: ClientNetwork(ipAddress: "192.0.2.7")!)
        try await mfa.service.admitRequest(from: ClientNetwork(ipAddress: "192.0.2.7")!)
        #expect(mfa.store.snapshot().limitKeys.count == 1)
        #expect(try await mfa.store.sealedValues(notStartingWith: SecretKey.generate().id).filter { $0.location == .hashKey } == [sealed])
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
