import MFAOTP
import Testing

/// RFC 6238 Appendix B, with the seeds of the RFC's reference code: the ASCII
/// digits "1234567890" repeated to 20, 32 and 64 bytes for SHA1, SHA256 and
/// SHA512 (the appendix's table names only the 20-byte seed).
struct RFC6238Vector: Sendable, CustomTestStringConvertible {
    let unixTime: Int
    let timeStep: UInt64
    let algorithm: OTPAlgorithm
    let code: String

    var key: [UInt8] {
        let length = switch algorithm {
        case .sha1: 20
        case .sha256: 32
        case .sha512: 64
        }
        return Array(String(repeating: "1234567890", count: 7).utf8.prefix(length))
    }

    var testDescription: String { "\(algorithm.rawValue) at \(unixTime)" }

    static let all: [RFC6238Vector] = {
        let times: [(Int, UInt64)] = [
            (59, 0x1), (1_111_111_109, 0x23523EC), (1_111_111_111, 0x23523ED),
            (1_234_567_890, 0x273EF07), (2_000_000_000, 0x3F940AA), (20_000_000_000, 0x27BC86AA),
        ]
        let codes: [OTPAlgorithm: [String]] = [
            .sha1: ["94287082", "07081804", "14050471", "89005924", "69279037", "65353130"],
            .sha256: ["46119246", "68084774", "67062674", "91819424", "90698825", "77737706"],
            .sha512: ["90693936", "25091201", "99943326", "93441116", "38618901", "47863826"],
        ]
        return OTPAlgorithm.allCases.flatMap { algorithm in
            zip(times, codes[algorithm]!).map { time, code in
                RFC6238Vector(unixTime: time.0, timeStep: time.1, algorithm: algorithm, code: code)
            }
        }
    }()
}
