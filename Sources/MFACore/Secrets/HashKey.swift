import Crypto
import Foundation

/// The random data key behind every keyed hash the store keeps: recovery
/// codes, limit keys and the link subjects of pending registrations; and behind
/// the user handles passkeys carry.
///
/// It lives in the store, sealed under the server key's data-key purpose, so
/// a key rotation only re-seals it and the hashes stay valid. Each use gets
/// its own HKDF-SHA256 subkey, so a hash made for one use never matches another.
struct HashKey: Sendable {
    // Keyed once here rather than per hash: limit keys are hashed on every request,
    // and keying an HMAC costs two blocks of SHA-256 and two contexts.
    private let recoveryCodeMAC: HMAC<SHA256>
    private let limitKeyMAC: HMAC<SHA256>
    private let registrationMAC: HMAC<SHA256>
    private let passkeyUserMAC: HMAC<SHA256>

    /// The context its sealed box is bound to.
    static let context = "hash-key"
    static let byteCount = 32

    init(bytes: [UInt8]) throws(SecretKeyError) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(bytes.count) }
        let key = SymmetricKey(data: bytes)
        func keyedMAC(_ use: String) -> HMAC<SHA256> {
            HMAC(key: HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array(use.utf8), outputByteCount: 32))
        }
        recoveryCodeMAC = keyedMAC("mfa/hash/recovery-code/v1")
        limitKeyMAC = keyedMAC("mfa/hash/limit-key/v1")
        registrationMAC = keyedMAC("mfa/hash/registration/v1")
        passkeyUserMAC = keyedMAC("mfa/hash/passkey-user/v1")
    }

    /// A recovery code as stored: the keyed hash of its unkeyed, account-bound
    /// hash (the form stored before keyed hashes, so old rows migrate in place).
    func recoveryCode(unkeyedHash: [UInt8], accountID: String) -> [UInt8] {
        mac(recoveryCodeMAC, Array("\(accountID):".utf8) + unkeyedHash)
    }

    /// A limit key as stored: what it counts (an address, a client) is not readable from it.
    func limitKey(_ text: String) -> String {
        mac(limitKeyMAC, Array(text.utf8)).hexString
    }

    /// The subject of a pending registration's link: names the address without showing it.
    func registrationSubject(emailKey: String) -> String {
        mac(registrationMAC, Array(emailKey.utf8)).hexString
    }

    /// The user handle (WebAuthn `user.id`) of an account's passkeys: 32 bytes that
    /// authenticators keep, even after the account is gone, and that tell nothing
    /// about the account to anyone without this key.
    func passkeyUserHandle(accountID: String) -> [UInt8] {
        mac(passkeyUserMAC, Array(accountID.utf8))
    }

    /// The MAC of `message` by a copy of `keyed`, which stays as it was: swift-crypto's
    /// hash state is copied on write, so concurrent uses never share it.
    private func mac(_ keyed: HMAC<SHA256>, _ message: [UInt8]) -> [UInt8] {
        var mac = keyed
        mac.update(data: message)
        return Array(mac.finalize())
    }
}
