import Crypto
import Foundation

/// One 32-byte server key, named by its key id.
///
/// The key itself never seals anything: each use gets its own purpose key,
/// derived with HKDF-SHA256 (see ``SealingPurpose``), so a box sealed for one
/// purpose never opens as another. Keys live in a ``KeyRing``.
public struct SecretKey: Sendable {
    let key: SymmetricKey
    // Derived once: every seal and open needs one, and HKDF is the costlier half of a small seal.
    private let purposeKeys: [SealingPurpose: SymmetricKey]

    /// The first 8 bytes of HMAC-SHA256(key, "mfa key id"): stored in front of
    /// every box the key seals, so that opening picks the right key.
    public let id: [UInt8]

    /// The number of bytes in a key.
    public static let byteCount = 32

    /// The number of bytes in a key id.
    public static let idByteCount = 8

    /// Wraps existing key material.
    ///
    /// - Throws: ``SecretKeyError/wrongLength(_:)`` unless `bytes` has exactly 32 bytes.
    public init(bytes: some ContiguousBytes) throws(SecretKeyError) {
        let count = bytes.withUnsafeBytes { $0.count }
        guard count == Self.byteCount else { throw .wrongLength(count) }
        let key = SymmetricKey(data: bytes)
        self.key = key
        id = Array(HMAC<SHA256>.authenticationCode(for: Array("mfa key id".utf8), using: key).prefix(Self.idByteCount))
        purposeKeys = Dictionary(uniqueKeysWithValues: SealingPurpose.allCases.map {
            ($0, HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Array($0.info.utf8), outputByteCount: 32))
        })
    }

    /// Makes a new key from `random`.
    public static func generate(using random: any RandomSource = SystemRandomSource()) -> SecretKey {
        // The length is right by construction.
        try! SecretKey(bytes: random.bytes(count: byteCount))
    }

    /// The key's bytes, for writing the key file. Handle with care.
    public var bytes: [UInt8] { key.withUnsafeBytes { Array($0) } }

    /// The key that seals values of `purpose`.
    func sealingKey(for purpose: SealingPurpose) -> SymmetricKey {
        // Every case is derived in init.
        purposeKeys[purpose]!
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
