/// Argon2id (RFC 9106, version 0x13) with fixed cost parameters: the memory-hard
/// function passwords are hashed with by default.
///
/// ```swift
/// let argon2id = try Argon2id(memoryKiB: 19456, iterations: 2, parallelism: 1)
/// let key = try argon2id.deriveKey(from: passwordBytes, salt: salt, outputByteCount: 32)
/// ```
///
/// Lanes are computed one after the other on the calling thread, so `parallelism`
/// changes the result but not the number of threads used.
public struct Argon2id: Sendable, Hashable {
    /// OWASP's first recommendation: 19 MiB, two passes, one lane.
    public static let owaspRecommended = Argon2id(uncheckedMemoryKiB: 19456, iterations: 2, parallelism: 1)

    /// The version this implementation computes (0x13, written `v=19` in PHC strings).
    public static let version = 0x13

    /// Argon2's type code y for Argon2id.
    static let typeCode: UInt64 = 2

    /// Memory cost m in KiB: the size of the memory matrix.
    public let memoryKiB: Int
    /// Time cost t: the number of passes over the memory matrix.
    public let iterations: Int
    /// Degree of parallelism p: the number of lanes.
    public let parallelism: Int

    /// Creates Argon2id with memory cost `memoryKiB` (at least 8 × `parallelism`),
    /// `iterations` passes (at least 1) and `parallelism` lanes (1...2^24−1).
    ///
    /// - Throws: ``PasswordHashingError/invalidParameter(_:requirement:)`` naming
    ///   the parameter out of range.
    public init(memoryKiB: Int, iterations: Int, parallelism: Int) throws(PasswordHashingError) {
        guard (1...0xFF_FFFF).contains(parallelism) else {
            throw .invalidParameter("p", requirement: "between 1 and 16777215")
        }
        guard memoryKiB >= 8 * parallelism, memoryKiB <= UInt32.max else {
            throw .invalidParameter("m", requirement: "at least 8 KiB per lane and below 2^32 KiB")
        }
        guard iterations >= 1, iterations <= UInt32.max else {
            throw .invalidParameter("t", requirement: "between 1 and 2^32−1")
        }
        self.init(uncheckedMemoryKiB: memoryKiB, iterations: iterations, parallelism: parallelism)
    }

    private init(uncheckedMemoryKiB memoryKiB: Int, iterations: Int, parallelism: Int) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    /// The smallest salt Argon2 accepts, in bytes.
    public static let minimumSaltByteCount = 8
    /// The shortest tag Argon2 produces, in bytes.
    public static let minimumOutputByteCount = 4

    /// Derives `outputByteCount` bytes from `password` and `salt`.
    ///
    /// - Parameters:
    ///   - password: The password bytes (MFACore passes UTF-8).
    ///   - salt: At least 8 bytes, unique per password; 16 random bytes are recommended.
    ///   - secret: An optional key K (a pepper) kept outside the database.
    ///   - associatedData: Optional associated data X bound into the result.
    ///   - outputByteCount: The tag length T, at least 4.
    /// - Throws: ``PasswordHashingError`` when an input is too short or too long.
    public func deriveKey(
        from password: [UInt8],
        salt: [UInt8],
        secret: [UInt8] = [],
        associatedData: [UInt8] = [],
        outputByteCount: Int = 32
    ) throws(PasswordHashingError) -> [UInt8] {
        guard salt.count >= Self.minimumSaltByteCount else {
            throw .invalidParameter("salt", requirement: "at least \(Self.minimumSaltByteCount) bytes")
        }
        guard outputByteCount >= Self.minimumOutputByteCount, outputByteCount <= UInt32.max else {
            throw .invalidParameter("output length", requirement: "between \(Self.minimumOutputByteCount) and 2^32−1 bytes")
        }
        for (name, input) in [("password", password), ("salt", salt), ("secret", secret), ("associated data", associatedData)]
        where input.count > UInt32.max {
            throw .invalidParameter(name, requirement: "shorter than 2^32 bytes")
        }

        var initialHash = initialHash(
            password: password, salt: salt, secret: secret, associatedData: associatedData, outputByteCount: outputByteCount
        )
        defer { initialHash.withUnsafeMutableBytes { secureZero($0.baseAddress!, byteCount: $0.count) } }
        let memory = Argon2Memory(memoryKiB: memoryKiB, lanes: parallelism, passes: iterations)
        return memory.tag(initialHash: initialHash, outputByteCount: outputByteCount)
    }

    /// H0, the 64-byte digest of every parameter and input (RFC 9106 §3.2 step 1).
    private func initialHash(
        password: [UInt8], salt: [UInt8], secret: [UInt8], associatedData: [UInt8], outputByteCount: Int
    ) -> [UInt8] {
        var hasher = Blake2b(outputByteCount: Blake2b.maximumOutputByteCount)
        for parameter in [parallelism, outputByteCount, memoryKiB, iterations, Self.version, Int(Self.typeCode)] {
            hasher.update(littleEndian: UInt32(parameter))
        }
        for input in [password, salt, secret, associatedData] {
            hasher.update(littleEndian: UInt32(input.count))
            hasher.update(input)
        }
        return hasher.finalize()
    }
}
