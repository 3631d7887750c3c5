import Crypto
import CryptoExtras

/// scrypt (RFC 7914) with fixed cost parameters, computed by swift-crypto.
///
/// MFAPasswords' alternative to ``Argon2id``: as strong by OWASP's rating but
/// about ten times slower and eight times hungrier for memory per hash.
public struct Scrypt: Sendable, Hashable {
    /// OWASP's recommendation: N = 2^17, r = 8, p = 1 (128 MiB per hash).
    public static let owaspRecommended = Scrypt(uncheckedLogRounds: 17, blockSize: 8, parallelism: 1)

    /// log2 of the CPU/memory cost N (the `ln` of PHC strings).
    public let logRounds: Int
    /// The block size r.
    public let blockSize: Int
    /// The parallelism p.
    public let parallelism: Int

    /// Creates scrypt with N = 2^`logRounds` (1...31), block size r (1...1023; swift-crypto
    /// fails from 32 upwards on some builds, 8 is the standard) and parallelism p (1...1023).
    ///
    /// - Throws: ``PasswordHashingError/invalidParameter(_:requirement:)`` naming the parameter.
    public init(logRounds: Int, blockSize: Int, parallelism: Int) throws(PasswordHashingError) {
        guard (1...31).contains(logRounds) else {
            throw .invalidParameter("ln", requirement: "between 1 and 31")
        }
        guard (1...1023).contains(blockSize) else {
            throw .invalidParameter("r", requirement: "between 1 and 1023")
        }
        guard (1...1023).contains(parallelism) else {
            throw .invalidParameter("p", requirement: "between 1 and 1023")
        }
        self.init(uncheckedLogRounds: logRounds, blockSize: blockSize, parallelism: parallelism)
    }

    private init(uncheckedLogRounds logRounds: Int, blockSize: Int, parallelism: Int) {
        self.logRounds = logRounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Derives `outputByteCount` bytes from `password` and `salt`.
    ///
    /// - Throws: ``PasswordHashingError/invalidParameter(_:requirement:)`` when
    ///   swift-crypto refuses the parameters (for example too much memory).
    public func deriveKey(from password: [UInt8], salt: [UInt8], outputByteCount: Int = 32) throws(PasswordHashingError) -> [UInt8] {
        guard outputByteCount >= 1 else {
            throw .invalidParameter("output length", requirement: "at least 1 byte")
        }
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: outputByteCount,
                rounds: 1 << logRounds, blockSize: blockSize, parallelism: parallelism
            )
        } catch {
            throw .invalidParameter("scrypt parameters", requirement: "accepted by swift-crypto (its memory limit or r × p)")
        }
        return key.withUnsafeBytes { Array($0) }
    }
}
