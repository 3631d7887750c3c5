import Crypto
import Foundation

/// The server keys: the current one, which seals, and older ones that still
/// open what they sealed until a rotation has re-sealed it all.
///
/// A sealed value is the sealing key's id (8 bytes) followed by the AES-GCM
/// combined box (nonce, ciphertext, tag), with associated data that binds it to
/// a context such as its account id, so a box copied onto another row does not
/// open. Boxes written before key ids existed (the raw key, no id) still open.
public struct KeyRing: Sendable {
    /// The key that seals.
    public let current: SecretKey
    /// Keys that only open, oldest last.
    public let older: [SecretKey]

    /// Creates a ring; a key in `older` with the current key's id is left out.
    public init(current: SecretKey, older: [SecretKey] = []) {
        self.current = current
        self.older = older.filter { $0.id != current.id }
    }

    /// Every key, the current one first.
    public var keys: [SecretKey] { [current] + older }

    /// Seals `plaintext` for `purpose` under the current key, binding it to `context`.
    public func seal(_ plaintext: [UInt8], for purpose: SealingPurpose, context: String) -> [UInt8] {
        // AES-GCM with a fresh random nonce cannot fail for in-memory inputs.
        let box = try! AES.GCM.seal(plaintext, using: current.sealingKey(for: purpose), authenticating: Array(context.utf8))
        return current.id + Array(box.combined!)
    }

    /// Opens a box made by ``seal(_:for:context:)`` with any key of the ring.
    ///
    /// - Throws: ``SecretKeyError/cannotOpen`` when no key of the ring sealed it,
    ///   or the purpose, context or box differ.
    public func open(_ sealed: [UInt8], for purpose: SealingPurpose, context: String) throws(SecretKeyError) -> [UInt8] {
        let associatedData = Array(context.utf8)
        if let key = key(for: sealed) {
            return try Self.open(sealed.dropFirst(SecretKey.idByteCount), with: key.sealingKey(for: purpose), authenticating: associatedData)
        }
        // A box from before key ids: sealed directly under a server key.
        for key in keys {
            if let plaintext = try? Self.open(sealed[...], with: key.key, authenticating: associatedData) { return plaintext }
        }
        throw .cannotOpen
    }

    /// The key whose id starts `sealed`, if the ring has it.
    func key(for sealed: [UInt8]) -> SecretKey? {
        let id = sealed.prefix(SecretKey.idByteCount)
        return keys.first { $0.id[...] == id }
    }

    /// Whether the current key sealed `sealed`.
    public func isCurrent(_ sealed: [UInt8]) -> Bool {
        sealed.starts(with: current.id)
    }

    private static func open(_ box: ArraySlice<UInt8>, with key: SymmetricKey, authenticating data: [UInt8]) throws(SecretKeyError) -> [UInt8] {
        do {
            return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: box), using: key, authenticating: data))
        } catch {
            throw .cannotOpen
        }
    }
}

/// Where a service gets its ``KeyRing``, and gets it again when keys rotate.
///
/// A ``KeyRing`` or a single ``SecretKey`` is a source that never changes; a
/// server reads a key file that `mfa-server rotate-key` rewrites.
public protocol KeyRingSource: Sendable {
    /// The ring to use now. Called for every seal and open, so it must be cheap.
    func keyRing() -> KeyRing

    /// The ring after looking at its origin again, because a box named a key id
    /// the ring lacks: another process may have rotated keys first.
    func keyRingAfterUnknownKeyID() -> KeyRing
}

extension KeyRing: KeyRingSource {
    public func keyRing() -> KeyRing { self }
    public func keyRingAfterUnknownKeyID() -> KeyRing { self }
}

extension SecretKey: KeyRingSource {
    public func keyRing() -> KeyRing { KeyRing(current: self) }
    public func keyRingAfterUnknownKeyID() -> KeyRing { keyRing() }
}

/// Seals with a source's current ring and opens with it, asking the source
/// again when a box names a key the ring lacks.
struct Sealer: Sendable {
    let keys: any KeyRingSource

    func seal(_ plaintext: [UInt8], for purpose: SealingPurpose, context: String) -> [UInt8] {
        keys.keyRing().seal(plaintext, for: purpose, context: context)
    }

    func open(_ sealed: [UInt8], for purpose: SealingPurpose, context: String) throws(SecretKeyError) -> [UInt8] {
        var ring = keys.keyRing()
        if ring.key(for: sealed) == nil { ring = keys.keyRingAfterUnknownKeyID() }
        return try ring.open(sealed, for: purpose, context: context)
    }
}
