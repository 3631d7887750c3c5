/// Why an `otpauth://` URI cannot be built or parsed.
///
/// No case carries the secret, so these errors are safe to log.
public enum OTPAuthURIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text does not start with `otpauth://`.
    case notOTPAuthScheme
    /// The type after `otpauth://` is neither `totp` nor `hotp`.
    case unsupportedType(String)
    /// There is no label (`/Issuer:account`) after the type.
    case missingLabel
    /// The account name in the label is empty.
    case emptyAccountName
    /// The issuer, in the label prefix or the `issuer` parameter, is empty.
    case emptyIssuer
    /// The issuer or account name contains a colon, which would make the label
    /// ambiguous: the colon separates them.
    case colonInLabel
    /// The label's issuer prefix and the `issuer` parameter differ.
    case issuerMismatch(labelPrefix: String, parameter: String)
    /// A `%` is not followed by two hex digits, or the decoded bytes are not UTF-8.
    case invalidPercentEncoding
    /// A query parameter appears more than once.
    case duplicateParameter(String)
    /// The `secret` parameter is missing or empty.
    case missingSecret
    /// The `secret` parameter is not Base32.
    case invalidSecret(Base32DecodingError)
    /// The `algorithm` parameter is not `SHA1`, `SHA256` or `SHA512`.
    case unsupportedAlgorithm(String)
    /// The `digits` parameter is not a number.
    case invalidDigits(String)
    /// The `period` parameter is not a number.
    case invalidPeriod(String)
    /// An `hotp` URI has no `counter` parameter; RFC 4226 generators cannot start
    /// without one.
    case missingCounter
    /// The `counter` parameter is not a number from 0 to 2^64 − 1.
    case invalidCounter(String)
    /// A number is out of range, e.g. `digits=9` or `period=0`.
    case invalidParameters(OTPParameterError)

    /// A message for people and logs.
    public var description: String {
        switch self {
        case .notOTPAuthScheme: "The URI does not start with otpauth://."
        case .unsupportedType(let type): "The OTP type \"\(type)\" is not totp or hotp."
        case .missingLabel: "The otpauth URI has no label (issuer and account name)."
        case .emptyAccountName: "The otpauth URI's account name is empty."
        case .emptyIssuer: "The otpauth URI's issuer is empty."
        case .colonInLabel: "An issuer or account name must not contain a colon."
        case .issuerMismatch(let labelPrefix, let parameter):
            "The label's issuer \"\(labelPrefix)\" differs from the issuer parameter \"\(parameter)\"."
        case .invalidPercentEncoding: "The otpauth URI has an invalid percent-encoding."
        case .duplicateParameter(let name): "The parameter \"\(name)\" appears more than once."
        case .missingSecret: "The otpauth URI has no secret."
        case .invalidSecret(let error): "The otpauth URI's secret is invalid: \(error)"
        case .unsupportedAlgorithm(let algorithm): "The algorithm \"\(algorithm)\" is not SHA1, SHA256 or SHA512."
        case .invalidDigits(let digits): "The digits parameter \"\(digits)\" is not a number."
        case .invalidPeriod(let period): "The period parameter \"\(period)\" is not a number."
        case .missingCounter: "An hotp URI needs a counter parameter."
        case .invalidCounter(let counter): "The counter parameter \"\(counter)\" is not a number from 0 to 2^64 − 1."
        case .invalidParameters(let error): error.description
        }
    }
}
