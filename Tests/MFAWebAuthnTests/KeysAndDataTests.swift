import Crypto
import CryptoExtras
import MFAWebAuthn
import Testing

@Suite("COSE keys and authenticator data")
struct KeysAndDataTests {
    func keyError(_ value: CBORValue) -> WebAuthnError? {
        keyError(cbor(value))
    }

    func keyError(_ bytes: [UInt8]) -> WebAuthnError? {
        do {
            _ = try CredentialPublicKey(coseKey: bytes)
            return nil
        } catch {
            return error
        }
    }

    let p256 = Array(P256.Signing.PrivateKey().publicKey.rawRepresentation)
    var x: CBORValue { .bytes(Array(p256[0..<32])) }
    var y: CBORValue { .bytes(Array(p256[32...])) }

    @Test("well-formed keys of the three algorithms decode", arguments: RegistrationTests.authenticators)
    func wellFormed(_ authenticator: TestAuthenticator) throws {
        let key = try CredentialPublicKey(coseKey: authenticator.coseKey)
        #expect(key.algorithm.rawValue == authenticator.algorithm)
        #expect(key.isValidSignature(authenticator.sign([1, 2, 3]), for: [1, 2, 3]))
        #expect(!key.isValidSignature(authenticator.sign([1, 2, 3]), for: [1, 2, 4]))
    }

    @Test("alg is required and must be ES256, EdDSA or RS256")
    func algorithm() {
        #expect(keyError(cborMap([(int(1), int(2)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) == .publicKeyMalformed)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-35)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) == .publicKeyAlgorithmNotSupported)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) == nil)
    }

    @Test("kty and crv must match alg")
    func typeMatchesAlgorithm() {
        #expect(keyError(cborMap([(int(1), int(1)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) == .publicKeyTypeMismatch)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(2)), (int(-2), x), (int(-3), y)])) == .publicKeyTypeMismatch)
        #expect(keyError(cborMap([(int(1), int(1)), (int(3), int(-8)), (int(-1), int(4)), (int(-2), x)])) == .publicKeyTypeMismatch)  // X25519
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-257)), (int(-1), x), (int(-2), .bytes([1, 0, 1]))])) == .publicKeyTypeMismatch)
    }

    @Test("coordinates must have their lengths and labels no others")
    func shape() {
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), .bytes([1])), (int(-3), y)])) == .publicKeyMalformed)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), .bool(true))])) == .publicKeyMalformed)
        #expect(keyError(cborMap([(int(1), int(2)), (int(2), .bytes([1])), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) == .publicKeyMalformed)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y), (int(-4), .bytes([1]))])) == .publicKeyMalformed)
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y), (.text("a"), int(1))])) == .publicKeyMalformed)
        #expect(keyError(.array([])) == .publicKeyMalformed)
        #expect(keyError(cbor(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), y)])) + [0]) == .publicKeyMalformed)
    }

    @Test("a point off the curve is refused")
    func offCurve() {
        var bad = Array(p256[32...])
        bad[31] ^= 1
        #expect(keyError(cborMap([(int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)), (int(-2), x), (int(-3), .bytes(bad))])) == .publicKeyInvalid)
    }

    @Test("an RSA modulus under 2048 bits is refused")
    func rsaSize() throws {
        let small = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024)).publicKey.getKeyPrimitives()
        #expect(keyError(cborMap([(int(1), int(3)), (int(3), int(-257)), (int(-1), .bytes(Array(small.modulus))), (int(-2), .bytes(Array(small.publicExponent)))])) == .publicKeyRSAModulusSizeNotAllowed)
        let large = Array(repeating: UInt8(0xFF), count: 1025)
        #expect(keyError(cborMap([(int(1), int(3)), (int(3), int(-257)), (int(-1), .bytes(large)), (int(-2), .bytes([1, 0, 1]))])) == .publicKeyRSAModulusSizeNotAllowed)
        let full = try TestKeys.rsa.publicKey.getKeyPrimitives()
        #expect(keyError(cborMap([(int(1), int(3)), (int(3), int(-257)), (int(-1), .bytes([0] + Array(full.modulus))), (int(-2), .bytes(Array(full.publicExponent)))])) == nil)
    }

    // MARK: Authenticator data

    func dataError(_ bytes: [UInt8]) -> WebAuthnError? {
        do {
            _ = try AuthenticatorData(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("the fixed part is read: RP ID hash, flags, counter")
    func fixedPart() throws {
        let data = try AuthenticatorData(bytes: sha256([1]) + [0x1D, 0x01, 0x02, 0x03, 0x04])
        #expect(data.rpIDHash == sha256([1]))
        #expect(data.flags == [.userPresent, .userVerified, .backupEligible, .backedUp])
        #expect(data.signCount == 0x0102_0304)
        #expect(data.attestedCredentialData == nil && data.extensions == nil)
        #expect(dataError(Array(repeating: 0, count: 36)) == .authenticatorDataTruncated)
    }

    @Test("attested credential data is read and its COSE key measured")
    func attestedCredentialData() throws {
        let authenticator = TestAuthenticator.es256()
        let extensions = cbor(cborMap([(.text("credProtect"), int(1))]))
        let bytes = Ceremony(extensions: extensions).authenticatorData(authenticator, attested: true)
        let data = try AuthenticatorData(bytes: bytes)
        #expect(data.attestedCredentialData?.aaguid == authenticator.aaguid)
        #expect(data.attestedCredentialData?.credentialID == authenticator.credentialID)
        #expect(data.attestedCredentialData?.credentialPublicKey == authenticator.coseKey)
        #expect(data.extensions == cborMap([(.text("credProtect"), int(1))]))
        for length in 37..<bytes.count - extensions.count {
            #expect(dataError(Array(bytes.prefix(length))) == .authenticatorDataTruncated, "cut at \(length)")
        }
    }

    @Test("credential ids of 1 to 1023 bytes are accepted, 0 and 1024 refused")
    func credentialIDLength() {
        for (length, error) in [(0, WebAuthnError.credentialIDLengthInvalid), (1, nil), (1023, nil), (1024, .credentialIDLengthInvalid), (4000, .credentialIDLengthInvalid)] {
            var authenticator = TestAuthenticator.es256()
            authenticator.credentialID = randomBytes(length)
            #expect(dataError(Ceremony().authenticatorData(authenticator, attested: true)) == error, "length \(length)")
        }
    }

    @Test("a COSE key that is not canonical CBOR inside authenticator data is refused")
    func coseKeyInsideData() {
        let authenticator = TestAuthenticator.es256()
        var ceremony = Ceremony()
        ceremony.coseKeyOverride = [0xBF, 0x01, 0x02, 0xFF]
        #expect(dataError(ceremony.authenticatorData(authenticator, attested: true)) == .publicKeyMalformed)
        ceremony.coseKeyOverride = [0xA1, 0x18, 0x01, 0x02]
        #expect(dataError(ceremony.authenticatorData(authenticator, attested: true)) == .publicKeyMalformed)
    }
}
