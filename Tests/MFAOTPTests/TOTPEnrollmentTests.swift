import MFAOTP
import Testing
import MFACoreTesting

@Suite struct TOTPEnrollmentTests {
    @Test func generatesTwentyBytesFromTheGivenSource() {
        let key = TOTP.generateKey(using: SeededRandomSource(seed: 1))
        #expect(key.count == 20)
        #expect(key == SeededRandomSource(seed: 1).bytes(count: 20))
        #expect(TOTP.generateKey(byteCount: 32).count == 32)
        #expect(TOTP.generateKey() != TOTP.generateKey())
    }

    @Test func acceptsNewSecretsWithPeriodsUpToTwoMinutes() throws {
        let key = TOTP.generateKey()
        try TOTP(key: key).validateForEnrollment()
        try TOTP(key: key, period: 120).validateForEnrollment()
        #expect(throws: OTPParameterError.periodTooLongForEnrollment(121)) {
            try TOTP(key: key, period: 121).validateForEnrollment()
        }
    }

    @Test func refusesNewSecretsShorterThan128Bits() throws {
        try TOTP(key: TOTP.generateKey(byteCount: 16)).validateForEnrollment()
        #expect(throws: OTPParameterError.keyTooShortForEnrollment(byteCount: 15)) {
            try TOTP(key: TOTP.generateKey(byteCount: 15)).validateForEnrollment()
        }
    }

    @Test func errorMessagesNameTheLimit() {
        #expect("\(OTPParameterError.periodTooLongForEnrollment(300))".contains("120"))
        #expect("\(OTPParameterError.keyTooShortForEnrollment(byteCount: 10))".contains("16"))
    }
}
