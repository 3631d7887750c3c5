import Foundation
import MFAOTP
import Testing

@Suite struct TOTPTests {
    @Test(arguments: RFC6238Vector.all)
    func matchesRFC6238AppendixB(vector: RFC6238Vector) throws {
        let totp = try TOTP(key: vector.key, algorithm: vector.algorithm, digits: 8)
        let date = Date(timeIntervalSince1970: TimeInterval(vector.unixTime))
        #expect(totp.timeStep(at: date) == vector.timeStep)
        #expect(totp.code(at: date) == vector.code)
        #expect(totp.code(timeStep: vector.timeStep) == vector.code)
        #expect(totp.verify(vector.code, at: date) == vector.timeStep)
    }

    @Test func usesSHA1SixDigitsAndThirtySecondsByDefault() throws {
        let totp = try TOTP(key: Array("12345678901234567890".utf8))
        #expect(totp.algorithm == .sha1)
        #expect(totp.digits == 6)
        #expect(totp.period == 30)
        // The last six digits of the RFC's 8-digit SHA1 code at T = 59.
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test func countsTimeStepsInWholePeriodsFromTheEpoch() throws {
        let totp = try TOTP(key: [1, 2, 3], period: 45)
        #expect(totp.timeStep(at: Date(timeIntervalSince1970: 44.999)) == 0)
        #expect(totp.timeStep(at: Date(timeIntervalSince1970: 45)) == 1)
        #expect(totp.timeStep(at: Date(timeIntervalSince1970: 90_000)) == 2000)
        #expect(totp.timeStep(at: Date(timeIntervalSince1970: -100)) == 0)
        #expect(totp.timeStep(at: .distantFuture) > 0)
    }

    @Test func acceptsAnyPeriodOfAtLeastOneSecondAndRefusesOthers() throws {
        #expect(try TOTP(key: [1], period: 1).period == 1)
        #expect(try TOTP(key: [1], period: 3600).period == 3600)
        #expect(throws: OTPParameterError.periodNotPositive(0)) { try TOTP(key: [1], period: 0) }
        #expect(throws: OTPParameterError.digitsOutOfRange(10)) { try TOTP(key: [1], digits: 10) }
        #expect(throws: OTPParameterError.emptyKey) { try TOTP(key: []) }
    }

    @Test func isEqualWhenItsParametersAre() throws {
        let key = Array("12345678901234567890".utf8)
        #expect(try TOTP(key: key) == TOTP(key: key))
        #expect(try TOTP(key: key) != TOTP(key: key, period: 60))
        #expect(try TOTP(key: key) != TOTP(key: key, algorithm: .sha256))
        #expect(try Set([TOTP(key: key), TOTP(key: key)]).count == 1)
    }

    @Test func neverShowsItsKeyWhenPrinted() throws {
        let totp = try TOTP(key: Array("12345678901234567890".utf8))
        var dumped = ""
        dump(totp, to: &dumped)
        for text in ["\(totp)", String(reflecting: totp), dumped] {
            #expect(!text.contains("49"), "\(text)")
            #expect(text.contains("30"))
        }
    }
}
