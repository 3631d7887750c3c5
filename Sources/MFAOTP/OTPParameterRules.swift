/// The limits HOTP, TOTP and `otpauth://` parsing share, so that a URI is
/// accepted exactly when the generator it describes can be built.
enum OTPParameterRules {
    static let digits = 6...8
    static let maximumEnrollmentPeriod = 120
    static let minimumEnrollmentKeyByteCount = 16

    static func checkDigits(_ digits: Int) throws(OTPParameterError) {
        guard Self.digits.contains(digits) else { throw .digitsOutOfRange(digits) }
    }

    static func checkPeriod(_ period: Int) throws(OTPParameterError) {
        guard period >= 1 else { throw .periodNotPositive(period) }
    }
}
