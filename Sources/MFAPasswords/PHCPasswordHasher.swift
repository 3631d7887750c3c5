/// The password hasher MFAPasswords ships: hashes with one configured scheme
/// (Argon2id by default, or scrypt) and verifies PHC strings of either, so that
/// an installation can change algorithm or parameters without resetting passwords.
/// It also verifies bcrypt strings (`$2b$12$…`, as other systems store them),
/// always answering a match with ``PasswordVerification/matchNeedsRehash``.
///
/// ```swift
/// let hasher = PHCPasswordHasher()                 // argon2id, m=19456, t=2, p=1
/// let stored = try hasher.hash("correct horse")   // "$argon2id$v=19$m=19456,t=2,p=1$…$…"
/// try hasher.verify("correct horse", against: stored) // .match
/// ```
///
/// Passwords are hashed as their UTF-8 bytes, unnormalised: callers that accept
/// equivalent spellings normalise first. Hashes carry a 16-byte random salt and
/// a 32-byte hash.
public struct PHCPasswordHasher: PasswordHasher {
    /// The salt length of new hashes, in bytes.
    public static let saltByteCount = 16
    /// The hash length of new hashes, in bytes.
    public static let hashByteCount = 32

    /// The algorithm and parameters of new hashes, and the bar for stored ones.
    public let scheme: PasswordHashingScheme
    private let randomSource: any RandomSource

    /// Creates a hasher that hashes with `scheme` and draws salts from `randomSource`.
    public init(scheme: PasswordHashingScheme = .argon2id(.owaspRecommended), randomSource: any RandomSource = SystemRandomSource()) {
        self.scheme = scheme
        self.randomSource = randomSource
    }

    /// Hashes `password` with a fresh random salt and returns a PHC string.
    public func hash(_ password: String) throws -> String {
        try hash(password, salt: randomSource.bytes(count: Self.saltByteCount))
    }

    /// Hashes `password` with the given `salt`, for reproducible tests and
    /// comparisons with other implementations; production code uses ``hash(_:)``.
    ///
    /// - Throws: ``PasswordHashingError`` if the scheme refuses the salt (Argon2id needs 8 bytes or more).
    public func hash(_ password: String, salt: [UInt8]) throws(PasswordHashingError) -> String {
        let hash = try scheme.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: Self.hashByteCount)
        return PHCString(algorithm: scheme.algorithm, version: scheme.version, parameters: scheme.parameters, salt: salt, hash: hash)
            .encoded
    }

    /// Checks `password` against `storedHash`, an Argon2id or scrypt PHC string,
    /// or a bcrypt string.
    ///
    /// Returns ``PasswordVerification/matchNeedsRehash`` for a match with a bcrypt
    /// hash, or with a PHC string whose stored
    /// hash uses another algorithm, less memory or fewer passes than ``scheme``
    /// (see ``PasswordHashingScheme/isAtLeastAsStrong(as:)``), or a salt or hash
    /// shorter than new hashes get.
    ///
    /// - Throws: ``PHCStringError`` for a malformed string, ``PasswordHashingError``
    ///   for an unsupported algorithm, version or parameter.
    public func verify(_ password: String, against storedHash: String) throws -> PasswordVerification {
        if BcryptHash.isBcrypt(storedHash) {
            return try BcryptHash(storedHash).matches(password) ? .matchNeedsRehash : .mismatch
        }
        let stored = try Self.parse(storedHash)
        let storedScheme = try PasswordHashingScheme(algorithm: stored.algorithm, parameters: stored.parameters)
        guard stored.version == storedScheme.version else {
            throw storedScheme.version == nil ? PasswordHashingError.unexpectedParameter : .unsupportedVersion
        }
        let computed = try storedScheme.deriveKey(from: Array(password.utf8), salt: stored.salt, outputByteCount: stored.hash.count)
        guard constantTimeEquals(computed, stored.hash) else {
            return .mismatch
        }
        let isCurrent = storedScheme.isAtLeastAsStrong(as: scheme)
            && stored.salt.count >= Self.saltByteCount
            && stored.hash.count >= Self.hashByteCount
        return isCurrent ? .match : .matchNeedsRehash
    }

    /// Whether `storedHash` is a well-formed bcrypt string, or a PHC string of
    /// a supported algorithm, version and parameters.
    public func recognizes(_ storedHash: String) -> Bool {
        if BcryptHash.isBcrypt(storedHash) { return (try? BcryptHash(storedHash)) != nil }
        guard let stored = try? Self.parse(storedHash),
            let storedScheme = try? PasswordHashingScheme(algorithm: stored.algorithm, parameters: stored.parameters)
        else { return false }
        return stored.version == storedScheme.version
    }

    /// Parses `storedHash`, reporting the strings of other algorithms (such as
    /// `$argon2i$…`) as unsupported, not malformed.
    private static func parse(_ storedHash: String) throws -> PHCString {
        do {
            return try PHCString(parsing: storedHash)
        } catch {
            let fields = storedHash.split(separator: "$", maxSplits: 2, omittingEmptySubsequences: false)
            if fields.count > 1, fields[0].isEmpty, !PasswordHashingScheme.supportedAlgorithms.contains(String(fields[1])) {
                throw PasswordHashingError.unsupportedAlgorithm
            }
            throw error
        }
    }
}
