extension PasswordHashingScheme: CustomStringConvertible {
    /// Reads a scheme from its configuration form, `argon2id:m=19456,t=2,p=1` or
    /// `scrypt:ln=17,r=8,p=1` (all three parameters required, in any order).
    ///
    /// Schemes weaker than OWASP's minimum are refused unless `allowWeak` is set
    /// (for tests and small machines). The minimum for Argon2id is one row of
    /// OWASP's table — m=47104 t=1, m=19456 t=2, m=12288 t=3, m=9216 t=4 or
    /// m=7168 t=5 (KiB, passes) — met in both memory and passes; for scrypt it
    /// is ln=17, r=8, p=1.
    ///
    /// - Throws: ``PasswordHashingError``, saying what is wrong or too weak.
    public init(configuration: String, allowWeak: Bool = false) throws(PasswordHashingError) {
        let parts = configuration.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .malformedConfiguration(reason: "expected <algorithm>:<parameters>, such as argon2id:m=19456,t=2,p=1")
        }
        let parameters: [PHCString.Parameter]
        do {
            parameters = try PHCString.decodeParameters(parts[1])
        } catch {
            throw .malformedConfiguration(reason: "parameters must be name=value pairs separated by commas, each name once")
        }
        try self.init(algorithm: parts[0], parameters: parameters)
        if !allowWeak, !meetsOWASPMinimum {
            throw .belowRecommendedMinimum(reason: "\(self) is weaker than \(owaspMinimumDescription); allow weak hashing to use it anyway")
        }
    }

    /// The configuration form, such as `argon2id:m=19456,t=2,p=1`.
    public var description: String {
        "\(algorithm):\(PHCString.encode(parameters))"
    }

    /// Whether the scheme meets OWASP's minimum (see ``init(configuration:allowWeak:)``).
    public var meetsOWASPMinimum: Bool {
        switch self {
        case .argon2id(let argon2id):
            Self.owaspArgon2idTable.contains { row in
                argon2id.memoryKiB >= row.memoryKiB && argon2id.iterations >= row.iterations
            }
        case .scrypt:
            isAtLeastAsStrong(as: .scrypt(.owaspRecommended))
        }
    }

    /// OWASP's Password Storage Cheat Sheet: Argon2id settings of equal strength (p=1).
    private static let owaspArgon2idTable: [(memoryKiB: Int, iterations: Int)] = [
        (47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5),
    ]

    private var owaspMinimumDescription: String {
        switch self {
        case .argon2id:
            Self.owaspArgon2idTable.map { "m=\($0.memoryKiB),t=\($0.iterations)" }.joined(separator: " or ")
        case .scrypt:
            PHCString.encode(Self.scrypt(.owaspRecommended).parameters)
        }
    }
}
