import Foundation
import MFATestSupport
import MFAOTP
import Testing

/// Compares MFACore's codes with oath-toolkit's `oathtool`, an independent
/// implementation that authenticator-app users already trust.
@Suite struct OathtoolComparisonTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let algorithm: OTPAlgorithm
        let digits: Int
        var testDescription: String { "\(algorithm.rawValue), \(digits) digits" }
    }

    static let cases = OTPAlgorithm.allCases.flatMap { algorithm in [6, 8].map { Case(algorithm: algorithm, digits: $0) } }

    @Test(arguments: cases)
    func agreesWithOathtoolForRandomSecretsAndTimes(_ testCase: Case) throws {
        let oathtool = try ExternalTool.onPath("oathtool", installation: "apt-get install oathtool")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let key = TOTP.generateKey(byteCount: Int.random(in: 10...64, using: &random))
            let period = [30, 30, 60, Int.random(in: 1...120, using: &random)].randomElement(using: &random)!
            let unixTime = Int64.random(in: 0...40_000_000_000, using: &random)
            let totp = try TOTP(key: key, algorithm: testCase.algorithm, digits: testCase.digits, period: period)

            let expected = try oathtool.run(
                [
                    "--totp=\(testCase.algorithm.rawValue)", "--base32", "--digits=\(testCase.digits)",
                    "--time-step-size=\(period)s", "--now=@\(unixTime)", "-",
                ],
                input: Base32.encode(key)
            )
            let date = Date(timeIntervalSince1970: TimeInterval(unixTime))
            #expect(totp.code(at: date) == expected.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(key.count)-byte key, period \(period), time \(unixTime)")
        }
    }
}
