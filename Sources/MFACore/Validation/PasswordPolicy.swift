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
    /// - Throws: ``MFAError/validationFailed(_:)`` naming `field`; the message never repeats the password.
    public func validate(_ password: String, field: String = "password") throws(MFAError) -> String {
        let normalized = Self.normalize(password)
        let message: String? =
            if !allowedLength.contains(normalized.count) {
                "A password has \(allowedLength.lowerBound) to \(allowedLength.upperBound) characters."
            } else if commonPasswords.contains(normalized) {
                "This password is too common. Choose one that is harder to guess."
            } else {
                nil
            }
        if let message { throw .validationFailed([.init(field: field, message: message)]) }
        return normalized
    }

    /// Checks a password given to prove knowledge (not to be stored): only its length,
    /// so that absurd inputs are refused before any hashing work.
    public func validateForVerification(_ password: String, field: String = "password") throws(MFAError) -> String {
        let normalized = Self.normalize(password)
        guard (1...allowedLength.upperBound).contains(normalized.count) else {
            throw .validationFailed([.init(field: field, message: "A password has 1 to \(allowedLength.upperBound) characters.")])
        }
        return normalized
    }
}
