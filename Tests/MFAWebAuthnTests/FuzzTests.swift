import Foundation
import MFATestSupport
import MFAWebAuthn
import Testing

/// Feeds random and mutated inputs to the CBOR decoder, the authenticator data parser
/// and the COSE key decoder. Every input must be answered or refused with a typed error
/// (a crash or trap fails the run), and every accepted CBOR item must re-encode to
/// exactly the bytes it came from (the decoder accepts shortest forms only).
///
/// `WEBAUTHN_FUZZ_CASES` sets the number of cases (default 20 000; the long run is
/// `WEBAUTHN_FUZZ_CASES=1000000 swift test -c release --filter Fuzz`), and
/// `WEBAUTHN_FUZZ_SEED` the seed.
@Suite("Fuzzing the decoders")
struct FuzzTests {
    static var cases: Int { Int(ProcessInfo.processInfo.environment["WEBAUTHN_FUZZ_CASES"] ?? "") ?? 20_000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["WEBAUTHN_FUZZ_SEED"] ?? "") ?? 0x5EED_CB08 }

    /// Valid inputs to mutate: attestation objects and authenticator data of each
    /// algorithm, with and without extensions, plus the real ones of the vectors.
    static func seeds() -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for authenticator in [TestAuthenticator.es256(), .edDSA(), .rs256()] {
            var ceremony = Ceremony()
            ceremony.format = "packed"
            ceremony.extensions = cbor(cborMap([(.text("credProtect"), int(2)), (.text("hmac-secret"), .bool(true))]))
            seeds.append(Base64URL.decode(ceremony.registration(authenticator).response.attestationObject)!)
            seeds.append(ceremony.authenticatorData(authenticator, attested: true))
            seeds.append(authenticator.coseKey)
        }
        for vector in PyWebauthnVector.all {
            if case .object(let credential) = vector.credential, case .object(let response)? = credential["response"] {
                for field in ["attestationObject", "authenticatorData"] {
                    if case .string(let text)? = response[field], let bytes = Base64URL.decode(text) { seeds.append(bytes) }
                }
            }
        }
        return seeds
    }

    static let interesting: [UInt8] = [0x00, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1F, 0x20, 0x38, 0x40, 0x58, 0x5B, 0x5F,
                                       0x60, 0x7F, 0x80, 0x9B, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xF4, 0xF6, 0xF7, 0xF9, 0xFF]

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty: bytes[index] = interesting.randomElement(using: &random)!
            case 2 where !bytes.isEmpty: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 3: bytes.insert(interesting.randomElement(using: &random)!, at: index)
            case 4 where !bytes.isEmpty: bytes.remove(at: index)
            case 5: bytes = Array(bytes.prefix(index))
            default:
                let end = min(bytes.count, index + Int.random(in: 1...16, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return bytes
    }

    @Test("the decoders answer or refuse every random and mutated input")
    func fuzz() {
        var random = SeededGenerator(seed: Self.seed)
        let seeds = Self.seeds()
        let decoder = CBORDecoder()
        var accepted = (cbor: 0, authenticatorData: 0, coseKey: 0)
        var refusals: [CBORError: Int] = [:]
        var mismatches = 0
        let start = ContinuousClock.now

        for number in 0..<Self.cases {
            let input: [UInt8] =
                number % 4 == 0
                ? (0..<Int.random(in: 0..<64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                : Self.mutate(seeds[number % seeds.count], &random)

            do {
                let value = try decoder.decode(input)
                accepted.cbor += 1
                if cbor(value) != input { mismatches += 1 }
            } catch {
                refusals[error, default: 0] += 1
            }
            if (try? AuthenticatorData(bytes: input)) != nil { accepted.authenticatorData += 1 }
            if (try? CredentialPublicKey(coseKey: input)) != nil { accepted.coseKey += 1 }
        }

        let elapsed = ContinuousClock.now - start
        print(
            "fuzz: \(Self.cases) cases, seed \(Self.seed), \(elapsed); accepted CBOR \(accepted.cbor),",
            "authenticator data \(accepted.authenticatorData), COSE keys \(accepted.coseKey); refusals \(refusals.count) kinds:",
            refusals.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        #expect(mismatches == 0, "accepted CBOR that does not re-encode to its input")
        #expect(accepted.cbor > 0 && !refusals.isEmpty)
    }
}
