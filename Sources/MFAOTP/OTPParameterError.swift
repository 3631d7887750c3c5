/// Why HOTP or TOTP parameters are refused.
public enum OTPParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key has no bytes.
    case emptyKey
    /// Codes have 6, 7 or 8 digits (RFC 4226 §5.3); this is another count.
    case digitsOutOfRange(Int)
    /// A TOTP period is at least one second; this one is not.
    case periodNotPositive(Int)
    /// New secrets must use a period of at most 120 seconds (NIST SP 800-63B
    /// §5.1.4.1 ends a TOTP's validity after two minutes); existing secrets may
    /// keep a longer one.
    case periodTooLongForEnrollment(Int)
    /// New secrets must have at least 16 bytes (128 bits, RFC 4226 §4 R6).
    case keyTooShortForEnrollment(byteCount: Int)

    /// A message for people and logs; it never contains key material.
    public var description: String {
        switch self {
        case .emptyKey:
            "The OTP key is empty."
        case .digitsOutOfRange(let digits):
            "OTP codes have 6 to 8 digits, not \(digits)."
        case .periodNotPositive(let period):
            "A TOTP period is at least 1 second, not \(period)."
        case .periodTooLongForEnrollment(let period):
            "New TOTP secrets use a period of at most \(OTPParameterRules.maximumEnrollmentPeriod) seconds, not \(period)."
        case .keyTooShortForEnrollment(let byteCount):
            "New OTP keys have at least \(OTPParameterRules.minimumEnrollmentKeyByteCount) bytes, not \(byteCount)."
        }
    }
}
