/// Why a string is not a well-formed PHC string.
///
/// Cases point at the faulty part by name or position and never quote the
/// input, which could be a password passed in the wrong argument.
public enum PHCStringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string does not start with `$` followed by an algorithm identifier.
    case missingLeadingDollar
    /// The algorithm identifier is not 1 to 32 characters from `a–z`, `0–9` and `-`.
    case invalidAlgorithmIdentifier
    /// The `v=` field does not hold a decimal number.
    case invalidVersion
    /// The parameter at `position` (counting from 1) is not of the form `name=value`.
    case malformedParameter(position: Int)
    /// The parameter at `position` (counting from 1) repeats an earlier name.
    case duplicateParameter(position: Int)
    /// The string ends before the salt.
    case missingSalt
    /// The string ends before the hash.
    case missingHash
    /// The string continues after the hash.
    case unexpectedField
    /// The salt is empty or not unpadded standard base64.
    case invalidSalt
    /// The hash is empty or not unpadded standard base64.
    case invalidHash

    /// A sentence for logs and operators.
    public var description: String {
        switch self {
        case .missingLeadingDollar:
            "A PHC string starts with \"$\" and an algorithm identifier."
        case .invalidAlgorithmIdentifier:
            "The PHC algorithm identifier must be 1 to 32 characters from a-z, 0-9 and \"-\"."
        case .invalidVersion:
            "The PHC version field must be \"v=\" followed by a decimal number."
        case .malformedParameter(let position):
            "PHC parameter \(position) is not of the form name=value."
        case .duplicateParameter(let position):
            "PHC parameter \(position) repeats an earlier parameter name."
        case .missingSalt:
            "The PHC string has no salt."
        case .missingHash:
            "The PHC string has no hash."
        case .unexpectedField:
            "The PHC string has fields after the hash."
        case .invalidSalt:
            "The PHC salt is empty or not unpadded standard base64."
        case .invalidHash:
            "The PHC hash is empty or not unpadded standard base64."
        }
    }
}
