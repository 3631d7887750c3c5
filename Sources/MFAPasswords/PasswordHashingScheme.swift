/// A password hashing algorithm together with its cost parameters.
///
/// Read one from the server configuration with
/// ``init(configuration:allowWeak:)``; hand it to ``PHCPasswordHasher``.
public enum PasswordHashingScheme: Sendable, Hashable {
    /// Argon2id, the default.
    case argon2id(Argon2id)
    /// scrypt, as swift-crypto computes it.
    case scrypt(Scrypt)

    /// The PHC algorithm identifiers MFAPasswords hashes and verifies.
    static let supportedAlgorithms: Set<String> = ["argon2id", "scrypt"]

    /// The PHC algorithm identifier: `argon2id` or `scrypt`.
    public var algorithm: String {
        switch self {
        case .argon2id: "argon2id"
        case .scrypt: "scrypt"
        }
    }

    /// The cost parameters in PHC order, such as `m=19456,t=2,p=1`.
    var parameters: [PHCString.Parameter] {
        switch self {
        case .argon2id(let argon2id):
            [.init(name: "m", value: "\(argon2id.memoryKiB)"), .init(name: "t", value: "\(argon2id.iterations)"),
             .init(name: "p", value: "\(argon2id.parallelism)")]
        case .scrypt(let scrypt):
            [.init(name: "ln", value: "\(scrypt.logRounds)"), .init(name: "r", value: "\(scrypt.blockSize)"),
             .init(name: "p", value: "\(scrypt.parallelism)")]
        }
    }

    /// The version field of this scheme's PHC strings (scrypt has none).
    var version: Int? {
        switch self {
        case .argon2id: Argon2id.version
        case .scrypt: nil
        }
    }

    /// Reads the scheme from an algorithm identifier and its parameters, with
    /// the names and ranges of the PHC strings of libargon2 and passlib.
    init(algorithm: some StringProtocol, parameters: [PHCString.Parameter]) throws(PasswordHashingError) {
        switch algorithm {
        case "argon2id":
            let values = try Self.values(of: ["m", "t", "p"], in: parameters)
            self = .argon2id(try Argon2id(memoryKiB: values[0], iterations: values[1], parallelism: values[2]))
        case "scrypt":
            let values = try Self.values(of: ["ln", "r", "p"], in: parameters)
            self = .scrypt(try Scrypt(logRounds: values[0], blockSize: values[1], parallelism: values[2]))
        default:
            throw .unsupportedAlgorithm
        }
    }

    /// Derives `outputByteCount` bytes from `password` and `salt`.
    func deriveKey(from password: [UInt8], salt: [UInt8], outputByteCount: Int) throws(PasswordHashingError) -> [UInt8] {
        switch self {
        case .argon2id(let argon2id):
            try argon2id.deriveKey(from: password, salt: salt, outputByteCount: outputByteCount)
        case .scrypt(let scrypt):
            try scrypt.deriveKey(from: password, salt: salt, outputByteCount: outputByteCount)
        }
    }

    /// Whether this scheme costs an attacker at least as much as `other` in every
    /// parameter: same algorithm, no less memory and no fewer passes.
    ///
    /// Argon2id's lane count is not compared: it changes how the work may be
    /// split, not how much there is.
    public func isAtLeastAsStrong(as other: PasswordHashingScheme) -> Bool {
        switch (self, other) {
        case (.argon2id(let mine), .argon2id(let other)):
            mine.memoryKiB >= other.memoryKiB && mine.iterations >= other.iterations
        case (.scrypt(let mine), .scrypt(let other)):
            mine.logRounds >= other.logRounds && mine.blockSize >= other.blockSize && mine.parallelism >= other.parallelism
        default:
            false
        }
    }

    private static func values(of names: [String], in parameters: [PHCString.Parameter]) throws(PasswordHashingError) -> [Int] {
        guard parameters.allSatisfy({ names.contains($0.name) }) else { throw .unexpectedParameter }
        var values: [Int] = []
        for name in names {
            guard let text = parameters.first(where: { $0.name == name })?.value else { throw .missingParameter(name) }
            guard let value = PHCString.decimal(text[...]) else {
                throw .invalidParameter(name, requirement: "a decimal number without sign or leading zeros")
            }
            values.append(value)
        }
        return values
    }
}
