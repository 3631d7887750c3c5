import MFAOTP
import Testing

@Suite struct HOTPTests {
    static let rfcKey = Array("12345678901234567890".utf8)

    /// RFC 4226 Appendix D.
    static let rfcCodes: [(counter: UInt64, code: String)] = Array(zip(0..., [
        "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
    ]))

    @Test(arguments: rfcCodes)
    func matchesRFC4226AppendixD(counter: UInt64, code: String) throws {
        #expect(try HOTP(key: Self.rfcKey).code(counter: counter) == code)
    }

    @Test func keepsLeadingZerosAndUsesEightDigits() throws {
        // Counter 0's truncated value is 1284755224 (RFC 4226 Appendix D).
        #expect(try HOTP(key: Self.rfcKey, digits: 8).code(counter: 0) == "84755224")
        #expect(try HOTP(key: Self.rfcKey, digits: 7).code(counter: 0) == "4755224")
        let codes = try (0..<200).map { try HOTP(key: [UInt8($0)]).code(counter: 1) }
        #expect(codes.allSatisfy { $0.count == 6 })
        #expect(codes.contains { $0.hasPrefix("0") })
    }

    @Test func refusesAnEmptyKeyAndDigitsOutsideSixToEight() {
        #expect(throws: OTPParameterError.emptyKey) { try HOTP(key: []) }
        #expect(throws: OTPParameterError.digitsOutOfRange(5)) { try HOTP(key: Self.rfcKey, digits: 5) }
        #expect(throws: OTPParameterError.digitsOutOfRange(9)) { try HOTP(key: Self.rfcKey, digits: 9) }
    }

    @Test func neverShowsItsKeyWhenPrinted() throws {
        let hotp = try HOTP(key: Self.rfcKey)
        var dumped = ""
        dump(hotp, to: &dumped)
        for text in ["\(hotp)", String(reflecting: hotp), dumped] {
            #expect(!text.contains("49"), "\(text)")
            #expect(text.lowercased().contains("sha1"))
        }
    }
}
