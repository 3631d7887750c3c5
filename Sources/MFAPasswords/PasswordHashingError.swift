/// Why a password hash could not be computed or a stored hash not be used.
///
/// Messages name parameters and rules, never passwords, salts or hashes.
public enum PasswordHashingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stored hash or configuration names an algorithm MFAPasswords does not implement.
    case unsupportedAlgorithm
    /// A stored Argon2id hash uses a version other than 0x13 (`v=19`).
    case unsupportedVersion
    /// A stored hash or configuration lacks a parameter (named as in PHC strings, such as `m`).
    case missingParameter(String)
    /// A stored hash or configuration carries a parameter its algorithm does not define.
    case unexpectedParameter
    /// A parameter or input is out of range; `requirement` says what is allowed.
    case invalidParameter(String, requirement: String)
    /// A hashing configuration string cannot be read; `reason` explains how it is wrong.
    case malformedConfiguration(reason: String)
    /// A hashing configuration is weaker than OWASP's minimum and `allowWeak` was not set.
    case belowRecommendedMinimum(reason: String)

    /// A sentence for logs and operators.
    public var description: String {
        switch self {
        case .unsupportedAlgorithm:
            "Unsupported password hashing algorithm (supported: argon2id, scrypt)."
        case .unsupportedVersion:
            "Unsupported Argon2id version (supported: v=19)."
        case .missingParameter(let name):
            "Missing password hashing parameter \(name)."
        case .unexpectedParameter:
            "Unknown password hashing parameter (argon2id takes m, t and p; scrypt takes ln, r and p)."
        case .invalidParameter(let name, let requirement):
            "\(name) must be \(requirement)."
        case .malformedConfiguration(let reason):
            "Malformed password hashing configuration: \(reason)"
        case .belowRecommendedMinimum(let reason):
            "Password hashing configuration below OWASP's minimum: \(reason)"
        }
    }
}
