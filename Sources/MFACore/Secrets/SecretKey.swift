import Crypto
import Foundation

/// The server's 32-byte key that seals secrets at rest with AES-GCM.
///
/// TOTP secrets and queued emails (whose bodies carry one-time links) are only
/// ever handed to the store sealed under this key, with associated data that
/// binds each box to its owner, so a box copied onto another row does not open.
public struct SecretKey: Sendable {
    private let key: SymmetricKey

    /// The number of bytes in a key.
    public static let byteCount = 32

    /// Wraps existing key material.
    ///
    /// - Throws: ``SecretKeyError/wrongLength(_:)`` unless `bytes` has exactly 32 bytes.
    public init(bytes: some ContiguousBytes) throws(SecretKeyError) {
        let count = bytes.withUnsafeBytes { $0.count }
        guard count == Self.byteCount else { throw .wrongLength(count) }
        key = SymmetricKey(data: bytes)
    }

    /// Makes a new key from `random`.
    public static func generate(using random: any RandomSource = SystemRandomSource()) -> SecretKey {
        // The length is right by construction.
        try! SecretKey(bytes: random.bytes(count: byteCount))
    }

    /// The key's bytes, for writing the key file. Handle with care.
    public var bytes: [UInt8] { key.withUnsafeBytes { Array($0) } }

    /// Seals `plaintext`, binding it to `context` (e.g. the account id).
    public func seal(_ plaintext: [UInt8], context: String) -> [UInt8] {
        // AES-GCM with a fresh random nonce cannot fail for in-memory inputs.
        let box = try! AES.GCM.seal(plaintext, using: key, authenticating: Array(context.utf8))
        return Array(box.combined!)
    }

    /// Opens a box made by ``seal(_:context:)`` with the same key and context.
    ///
    /// - Throws: ``SecretKeyError/cannotOpen`` when the key, context or box differ.
    public func open(_ sealed: [UInt8], context: String) throws(SecretKeyError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return Array(try AES.GCM.open(box, using: key, authenticating: Array(context.utf8)))
        } catch {
            throw .cannotOpen
        }
    }
}

/// Why a secret key could not be made or used.
public enum SecretKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key material is not 32 bytes long.
    case wrongLength(Int)
    /// A sealed box did not open: another key, another context, or damaged bytes.
    case cannotOpen

    public var description: String {
        switch self {
        case .wrongLength(let count): "a secret key must be 32 bytes, not \(count)"
        case .cannotOpen: "a sealed secret did not open with this key"
        }
    }
}
