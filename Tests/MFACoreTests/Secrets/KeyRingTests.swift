import Foundation
import MFACore
import MFATestSupport
import Synchronization
import Testing

@Suite struct KeyRingTests {
    /// A key of the bytes 0…31, and boxes made from it by Python's `cryptography`
    /// (HKDF-SHA256 with info "mfa/seal/totp-secret/v1", no salt; AES-GCM with
    /// nonce 0x64…0x6f), so the format is pinned by an independent implementation.
    static let key = try! SecretKey(bytes: Array(0..<32) as [UInt8])
    static let pythonBox = hex("b3cbffd80f6064ae6465666768696a6b6c6d6e6fe34a00f4ee16773e800f97afcdf740d51c77607d58d5")
    /// The same plaintext sealed as before key ids: AES-GCM under the raw key, no id.
    static let legacyBox = hex("6465666768696a6b6c6d6e6f3b7ebd141c9d48f2d28f174e3604d057888fdbc2e27f")

    @Test func theKeyIDIsTheStartOfAnHMACOfTheKey() {
        #expect(Self.key.id == Self.hex("b3cbffd80f6064ae"))
        #expect(SecretKey.generate().id != Self.key.id)
    }

    @Test func aBoxStartsWithItsKeyIDAndOpensAsAnotherImplementationSealedIt() throws {
        let ring = KeyRing(current: Self.key)
        #expect(try ring.open(Self.pythonBox, for: .totpSecret, context: "account-1") == Array("secret".utf8))
        let box = ring.seal(Array("secret".utf8), for: .totpSecret, context: "account-1")
        #expect(box.starts(with: Self.key.id))
        #expect(box.count == 8 + 12 + 6 + 16)
        #expect(ring.isCurrent(box))
    }

    @Test func aBoxOpensOnlyForItsPurposeContextAndKey() throws {
        let ring = KeyRing(current: .generate())
        let box = ring.seal([1, 2, 3], for: .totpSecret, context: "account-1")
        #expect(try ring.open(box, for: .totpSecret, context: "account-1") == [1, 2, 3])
        #expect(throws: SecretKeyError.cannotOpen) { try ring.open(box, for: .mail, context: "account-1") }
        #expect(throws: SecretKeyError.cannotOpen) { try ring.open(box, for: .dataKey, context: "account-1") }
        #expect(throws: SecretKeyError.cannotOpen) { try ring.open(box, for: .totpSecret, context: "account-2") }
        #expect(throws: SecretKeyError.cannotOpen) { try KeyRing(current: .generate()).open(box, for: .totpSecret, context: "account-1") }
        #expect(throws: SecretKeyError.wrongLength(31)) { try SecretKey(bytes: [UInt8](repeating: 0, count: 31)) }
    }

    @Test func olderKeysOpenWhatTheySealedAndOnlyTheCurrentKeySeals() throws {
        let (old, new) = (SecretKey.generate(), SecretKey.generate())
        let box = KeyRing(current: old).seal([7], for: .mail, context: "m")
        let rotating = KeyRing(current: new, older: [old])
        #expect(try rotating.open(box, for: .mail, context: "m") == [7])
        #expect(!rotating.isCurrent(box))
        #expect(rotating.seal([7], for: .mail, context: "m").starts(with: new.id))
        #expect(throws: SecretKeyError.cannotOpen) { try KeyRing(current: new).open(box, for: .mail, context: "m") }
    }

    @Test func aBoxFromBeforeKeyIDsStillOpens() throws {
        let ring = KeyRing(current: .generate(), older: [Self.key])
        #expect(try ring.open(Self.legacyBox, for: .totpSecret, context: "account-1") == Array("secret".utf8))
        #expect(throws: SecretKeyError.cannotOpen) { try ring.open(Self.legacyBox, for: .totpSecret, context: "account-2") }
    }

    @Test func aServiceAsksItsSourceAgainOnlyForAnUnknownKeyID() async throws {
        let (old, new) = (SecretKey.generate(), SecretKey.generate())
        let source = SwitchingSource(before: KeyRing(current: old), after: KeyRing(current: new, older: [old]))
        let mfa = try Harness(keys: source)
        let enrollment = try await mfa.createAccount()
        try await mfa.login(enrollment: enrollment)
        #expect(source.reloads.load(ordering: .relaxed) == 0)

        // Another process rotated first and re-sealed the secret with the new key.
        let stored = try #require(mfa.store.snapshot().accounts.first)
        let resealed = KeyRing(current: new, older: [old]).seal(
            try KeyRing(current: old).open(stored.authenticator.sealedSecret, for: .totpSecret, context: stored.id),
            for: .totpSecret, context: stored.id
        )
        let value = SealedValue(location: .totpSecret(accountID: stored.id), sealed: stored.authenticator.sealedSecret)
        #expect(try await mfa.store.reseal(value, as: resealed))
        mfa.nextStep()
        try await mfa.login(enrollment: enrollment)
        #expect(source.reloads.load(ordering: .relaxed) == 1)
    }

    static func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map {
            UInt8(text.dropFirst($0).prefix(2), radix: 16)!
        }
    }
}

/// A key source that serves `before` until asked again, and `after` from then on.
final class SwitchingSource: KeyRingSource {
    let before: KeyRing
    let after: KeyRing
    let reloads = Atomic(0)

    init(before: KeyRing, after: KeyRing) {
        self.before = before
        self.after = after
    }

    func keyRing() -> KeyRing { reloads.load(ordering: .relaxed) == 0 ? before : after }

    func keyRingAfterUnknownKeyID() -> KeyRing {
        reloads.add(1, ordering: .relaxed)
        return after
    }
}
