extension TOTP {
    /// Draws a new shared secret from `random`.
    ///
    /// - Parameters:
    ///   - byteCount: The secret's length; the default, 20 bytes (160 bits), is
    ///     what RFC 4226 recommends and what SHA1 uses fully.
    ///   - random: The source of the bytes; the system's CSPRNG by default.
    public static func generateKey(
        byteCount: Int = 20, using random: any RandomSource = SystemRandomSource()
    ) -> [UInt8] {
        random.bytes(count: byteCount)
    }

    /// Checks the stricter rules for handing out a new secret.
    ///
    /// ``init(key:algorithm:digits:period:)`` accepts any period and key length
    /// so that existing secrets keep working. A new secret must also have a
    /// period of at most 120 seconds (NIST SP 800-63B) and a key of at least 16
    /// bytes (RFC 4226).
    ///
    /// - Throws: ``OTPParameterError/periodTooLongForEnrollment(_:)`` or
    ///   ``OTPParameterError/keyTooShortForEnrollment(byteCount:)``.
    public func validateForEnrollment() throws(OTPParameterError) {
        guard period <= OTPParameterRules.maximumEnrollmentPeriod else {
            throw .periodTooLongForEnrollment(period)
        }
        guard key.count >= OTPParameterRules.minimumEnrollmentKeyByteCount else {
            throw .keyTooShortForEnrollment(byteCount: key.count)
        }
    }
}
