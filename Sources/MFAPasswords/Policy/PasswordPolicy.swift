import Foundation

/// The rules a new password must meet (OWASP ASVS 5.0 §6.2): length after
/// NFKC normalisation and absence from a list of common passwords. No
/// composition rules.
public struct PasswordPolicy: Sendable {
    /// The allowed length in characters, after normalisation.
    public var allowedLength: ClosedRange<Int>

    private let commonPasswords: CommonPasswords

    /// Creates the policy with the contract's limits, 8...128 characters.
    public init(allowedLength: ClosedRange<Int> = 8...128) {
        self.allowedLength = allowedLength
        commonPasswords = .shared
    }

    /// Returns the normalised form of `password` that is hashed and checked.
    public static func normalize(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    /// Checks a new password and returns its normalised form.
    ///
    /// - Throws: ``PasswordPolicyViolation``, whose message never repeats the password.
    public func validate(_ password: String) throws(PasswordPolicyViolation) -> String {
        let normalized = Self.normalize(password)
        let message: String? =
            if !allowedLength.contains(normalized.count) {
                "A password has \(allowedLength.lowerBound) to \(allowedLength.upperBound) characters."
            } else if commonPasswords.contains(normalized) {
                "This password is too common. Choose one that is harder to guess."
            } else {
                nil
            }
        if let message { throw PasswordPolicyViolation(message: message) }
        return normalized
    }

    /// Checks a password given to prove knowledge (not to be stored): only its length,
    /// so that absurd inputs are refused before any hashing work.
    ///
    /// - Throws: ``PasswordPolicyViolation`` for an empty or overlong password.
    public func validateForVerification(_ password: String) throws(PasswordPolicyViolation) -> String {
        let normalized = Self.normalize(password)
        guard (1...allowedLength.upperBound).contains(normalized.count) else {
            throw PasswordPolicyViolation(message: "A password has 1 to \(allowedLength.upperBound) characters.")
        }
        return normalized
    }
}

/// A password that breaks ``PasswordPolicy``, with what is wrong in words a user can act on.
public struct PasswordPolicyViolation: Error, Sendable, Equatable {
    /// What is wrong, e.g. "A password has 8 to 128 characters."; never the password itself.
    public var message: String

    /// Creates a violation.
    public init(message: String) {
        self.message = message
    }
}
