import Crypto
import CryptoExtras
import Foundation
import MFAWebAuthn
import SwiftASN1
import X509

/// A minimal CBOR encoder for building test inputs: shortest-form heads, map entries in
/// the order given (so tests can also build non-canonical maps).
func cbor(_ value: CBORValue) -> [UInt8] {
    func head(_ major: UInt8, _ argument: UInt64) -> [UInt8] {
        switch argument {
        case 0..<24: [major << 5 | UInt8(argument)]
        case 24...0xFF: [major << 5 | 24, UInt8(argument)]
        case 0x100...0xFFFF: [major << 5 | 25] + bigEndian(argument, 2)
        case 0x1_0000...0xFFFF_FFFF: [major << 5 | 26] + bigEndian(argument, 4)
        default: [major << 5 | 27] + bigEndian(argument, 8)
        }
    }
    switch value {
    case .unsigned(let value): return head(0, value)
    case .negative(let value): return head(1, value)
    case .bytes(let bytes): return head(2, UInt64(bytes.count)) + bytes
    case .text(let text): return head(3, UInt64(text.utf8.count)) + Array(text.utf8)
    case .array(let elements): return head(4, UInt64(elements.count)) + elements.flatMap(cbor)
    case .map(let entries): return head(5, UInt64(entries.count)) + entries.flatMap { cbor($0.key) + cbor($0.value) }
    case .bool(let value): return [value ? 0xF5 : 0xF4]
    case .null: return [0xF6]
    }
}

func bigEndian(_ value: UInt64, _ count: Int) -> [UInt8] {
    (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}

/// `.map` from pairs, for brevity.
func cborMap(_ pairs: [(CBORValue, CBORValue)]) -> CBORValue {
    .map(pairs.map { CBORMapEntry(key: $0.0, value: $0.1) })
}

/// An integer CBOR value.
func int(_ value: Int) -> CBORValue {
    value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value))
}

func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

/// Keys shared by the tests (an RSA key takes a while to make in a debug build).
enum TestKeys {
    static let rsa = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let otherRSA = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let attestationCA = P256.Signing.PrivateKey()
}

/// A software authenticator whose every output a test can bend.
struct TestAuthenticator {
    enum Key {
        case p256(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    var key: Key
    var credentialID = randomBytes(32)
    var aaguid = randomBytes(16)

    static func es256() -> TestAuthenticator { TestAuthenticator(key: .p256(P256.Signing.PrivateKey())) }
    static func edDSA() -> TestAuthenticator { TestAuthenticator(key: .ed25519(Curve25519.Signing.PrivateKey())) }
    static func rs256() -> TestAuthenticator { TestAuthenticator(key: .rsa(TestKeys.rsa)) }

    var algorithm: Int {
        switch key {
        case .p256: -7
        case .ed25519: -8
        case .rsa: -257
        }
    }

    /// The COSE_Key of the credential, canonical.
    var coseKey: [UInt8] { cbor(coseKeyValue) }

    var coseKeyValue: CBORValue {
        switch key {
        case .p256(let key):
            let raw = Array(key.publicKey.rawRepresentation)
            return cborMap([
                (int(1), int(2)), (int(3), int(-7)), (int(-1), int(1)),
                (int(-2), .bytes(Array(raw[0..<32]))), (int(-3), .bytes(Array(raw[32..<64]))),
            ])
        case .ed25519(let key):
            return cborMap([
                (int(1), int(1)), (int(3), int(-8)), (int(-1), int(6)),
                (int(-2), .bytes(Array(key.publicKey.rawRepresentation))),
            ])
        case .rsa(let key):
            let primitives = try! key.publicKey.getKeyPrimitives()
            return cborMap([
                (int(1), int(3)), (int(3), int(-257)),
                (int(-1), .bytes(Array(primitives.modulus))), (int(-2), .bytes(Array(primitives.publicExponent))),
            ])
        }
    }

    func sign(_ data: [UInt8]) -> [UInt8] {
        switch key {
        case .p256(let key): Array(try! key.signature(for: data).derRepresentation)
        case .ed25519(let key): Array(try! key.signature(for: data))
        case .rsa(let key):
            Array(try! key.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation)
        }
    }
}

/// Everything a ceremony's response is made of; each test changes one thing.
struct Ceremony {
    var rpID = "example.com"
    var origin = "https://example.com"
    var challenge = randomBytes(32)
    var clientDataType: String?
    var clientDataChallenge: String?
    var crossOrigin: Bool? = false
    var topOrigin: String?
    var clientDataJSONOverride: [UInt8]?
    var flags: UInt8 = 0x01 | 0x04  // UP, UV
    var signCount: UInt32 = 0
    var format = "none"
    var attestationStatement: CBORValue?
    var extensions: [UInt8]?
    var trailingBytes: [UInt8] = []
    var coseKeyOverride: [UInt8]?

    var relyingParty: RelyingParty { RelyingParty(id: "example.com", name: "Example", origins: ["https://example.com"]) }

    func clientDataJSON(type: String) -> [UInt8] {
        if let clientDataJSONOverride { return clientDataJSONOverride }
        var json = "{\"type\":\"\(clientDataType ?? type)\",\"challenge\":\"\(clientDataChallenge ?? Base64URL.encode(challenge))\",\"origin\":\"\(origin)\""
        if let crossOrigin { json += ",\"crossOrigin\":\(crossOrigin)" }
        if let topOrigin { json += ",\"topOrigin\":\"\(topOrigin)\"" }
        return Array((json + "}").utf8)
    }

    func authenticatorData(_ authenticator: TestAuthenticator, attested: Bool) -> [UInt8] {
        var flags = self.flags
        if attested { flags |= 0x40 }
        if extensions != nil { flags |= 0x80 }
        var bytes = sha256(Array(rpID.utf8)) + [flags] + bigEndian(UInt64(signCount), 4)
        if attested {
            bytes += authenticator.aaguid + bigEndian(UInt64(authenticator.credentialID.count), 2)
            bytes += authenticator.credentialID + (coseKeyOverride ?? authenticator.coseKey)
        }
        return bytes + (extensions ?? []) + trailingBytes
    }

    /// A registration response, attestation `format` (`none` or `packed` self unless a statement is given).
    func registration(_ authenticator: TestAuthenticator) -> RegistrationResponseJSON {
        let clientDataJSON = clientDataJSON(type: "webauthn.create")
        let authData = authenticatorData(authenticator, attested: true)
        let statement: CBORValue
        if let attestationStatement {
            statement = attestationStatement
        } else if format == "packed" {
            let signature = authenticator.sign(authData + sha256(clientDataJSON))
            statement = cborMap([(.text("alg"), int(authenticator.algorithm)), (.text("sig"), .bytes(signature))])
        } else {
            statement = .map([])
        }
        let attestationObject = cbor(
            cborMap([(.text("fmt"), .text(format)), (.text("attStmt"), statement), (.text("authData"), .bytes(authData))]))
        let id = Base64URL.encode(authenticator.credentialID)
        return RegistrationResponseJSON(
            id: id, rawId: id,
            response: AuthenticatorAttestationResponseJSON(
                clientDataJSON: Base64URL.encode(clientDataJSON), attestationObject: Base64URL.encode(attestationObject),
                transports: ["internal"]))
    }

    /// An assertion signed by `authenticator` (or by `signer` when given).
    func assertion(
        _ authenticator: TestAuthenticator, userHandle: [UInt8]? = nil, signer: TestAuthenticator? = nil
    ) -> AuthenticationResponseJSON {
        let clientDataJSON = clientDataJSON(type: "webauthn.get")
        let authData = authenticatorData(authenticator, attested: false)
        let signature = (signer ?? authenticator).sign(authData + sha256(clientDataJSON))
        let id = Base64URL.encode(authenticator.credentialID)
        return AuthenticationResponseJSON(
            id: id, rawId: id,
            response: AuthenticatorAssertionResponseJSON(
                clientDataJSON: Base64URL.encode(clientDataJSON), authenticatorData: Base64URL.encode(authData),
                signature: Base64URL.encode(signature), userHandle: userHandle.map { Base64URL.encode($0) }))
    }

    func stored(_ authenticator: TestAuthenticator, signCount: UInt32 = 0, backupEligible: Bool = false) -> StoredCredential {
        StoredCredential(
            id: authenticator.credentialID, publicKey: authenticator.coseKey, signCount: signCount,
            backupEligible: backupEligible)
    }
}

/// Attestation certificates for packed x5c tests.
enum TestCertificates {
    struct Options {
        var version: Certificate.Version = .v3
        var organizationalUnit = "Authenticator Attestation"
        var basicConstraints: Certificate.Extension? = try! Certificate.Extension(
            BasicConstraints.notCertificateAuthority, critical: true)
        var aaguidExtension: Certificate.Extension?
    }

    /// A leaf certificate for `leafKey`, issued by the test CA.
    static func leaf(for leafKey: P256.Signing.PrivateKey, options: Options = Options()) -> [UInt8] {
        let subject = try! DistinguishedName {
            CountryName("SE")
            OrganizationName("Test Vendor")
            OrganizationalUnitName(options.organizationalUnit)
            CommonName("Test Authenticator")
        }
        let issuer = try! DistinguishedName { CommonName("Test Attestation CA") }
        var extensions = Certificate.Extensions()
        if let basicConstraints = options.basicConstraints { try! extensions.append(basicConstraints) }
        if let aaguidExtension = options.aaguidExtension { try! extensions.append(aaguidExtension) }
        let now = Date()
        let certificate = try! Certificate(
            version: options.version, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(leafKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 3600,
            issuer: issuer, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: Certificate.PrivateKey(TestKeys.attestationCA))
        var serializer = DER.Serializer()
        try! serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    /// The id-fido-gen-ce-aaguid extension for `aaguid`.
    static func aaguidExtension(_ aaguid: [UInt8], critical: Bool = false) -> Certificate.Extension {
        Certificate.Extension(
            oid: [1, 3, 6, 1, 4, 1, 45724, 1, 1, 4], critical: critical, value: ([0x04, UInt8(aaguid.count)] + aaguid)[...])
    }
}

extension Ceremony {
    /// A packed statement with an x5c chain: signed by `attestationKey`, whose certificate is `leaf`.
    func packedX5CStatement(
        _ authenticator: TestAuthenticator, attestationKey: P256.Signing.PrivateKey, leaf: [UInt8], alg: Int = -7
    ) -> CBORValue {
        let clientDataJSON = clientDataJSON(type: "webauthn.create")
        let authData = authenticatorData(authenticator, attested: true)
        let signature = Array(try! attestationKey.signature(for: authData + sha256(clientDataJSON)).derRepresentation)
        return cborMap([
            (.text("alg"), int(alg)), (.text("sig"), .bytes(signature)), (.text("x5c"), .array([.bytes(leaf)])),
        ])
    }
}
