import Foundation
import MFATestSupport
import MFAOTP
import Testing

/// Compares MFACore with pyotp, the Python library many servers use, for codes
/// and for reading the `otpauth://` URIs MFACore builds.
@Suite struct PyotpComparisonTests {
    /// Reads JSON requests on standard input, answers one JSON line each.
    static let script = """
        import hashlib, json, sys, pyotp
        for line in sys.stdin:
            request = json.loads(line)
            if request["kind"] == "code":
                totp = pyotp.TOTP(request["secret"], digits=request["digits"], interval=request["period"],
                                  digest=getattr(hashlib, request["algorithm"].lower()))
                print(json.dumps(totp.at(request["time"])))
            else:
                otp = pyotp.parse_uri(request["uri"])
                answer = {"secret": otp.secret, "digits": otp.digits, "name": otp.name, "issuer": otp.issuer,
                          "algorithm": otp.digest().name.upper()}
                answer.update({"period": otp.interval} if isinstance(otp, pyotp.TOTP)
                              else {"counter": otp.initial_count})
                print(json.dumps(answer))
        """

    struct Parsed: Decodable, Equatable {
        let secret: String
        let digits: Int
        let name: String
        let issuer: String?
        let algorithm: String
        let period: Int?
        let counter: UInt64?
    }

    @Test func agreesWithPyotpOnCodes() throws {
        let python = try ExternalTool.venvPython()
        var requests: [String] = []
        var expectations: [String] = []
        for algorithm in OTPAlgorithm.allCases {
            for (digits, period) in [(6, 30), (8, 60), (7, 17)] {
                let key = TOTP.generateKey()
                let time = Int.random(in: 0...4_000_000_000)
                let totp = try TOTP(key: key, algorithm: algorithm, digits: digits, period: period)
                requests.append("""
                    {"kind": "code", "secret": "\(Base32.encode(key))", "digits": \(digits), \
                    "period": \(period), "algorithm": "\(algorithm.rawValue)", "time": \(time)}
                    """)
                expectations.append(#""\#(totp.code(at: Date(timeIntervalSince1970: TimeInterval(time))))""#)
            }
        }
        let answers = try python.run(["-c", Self.script], input: requests.joined(separator: "\n") + "\n")
        #expect(answers.split(separator: "\n").map(String.init) == expectations)
    }

    @Test func readsTheURIsMFACoreBuilds() throws {
        let python = try ExternalTool.venvPython()
        let key = TOTP.generateKey()
        let totp = try OTPAuthURI(
            totp: TOTP(key: key, algorithm: .sha256, digits: 8, period: 60),
            accountName: "ada+mfa@example.com", issuer: "ACME & Co"
        )
        let hotp = try OTPAuthURI(hotp: HOTP(key: key), counter: 42, accountName: "Zoë", issuer: "ACME")
        let requests = [totp, hotp].map { #"{"kind": "uri", "uri": "\#($0.string)"}"# }
        let answers = try python.run(["-c", Self.script], input: requests.joined(separator: "\n") + "\n")
        let parsed = try answers.split(separator: "\n").map { try JSONDecoder().decode(Parsed.self, from: Data($0.utf8)) }
        #expect(parsed == [
            Parsed(secret: Base32.encode(key), digits: 8, name: "ada+mfa@example.com", issuer: "ACME & Co",
                   algorithm: "SHA256", period: 60, counter: nil),
            Parsed(secret: Base32.encode(key), digits: 6, name: "Zoë", issuer: "ACME",
                   algorithm: "SHA1", period: nil, counter: 42),
        ])
    }
}
