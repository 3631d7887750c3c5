import Crypto
import CryptoExtras

/// The COSE algorithms (IANA "COSE Algorithms" registry) this verifier accepts for
/// credential keys, in the order a relying party offers them.
public enum COSEAlgorithm: Int, Sendable, Hashable, CaseIterable, Codable {
    /// ECDSA with SHA-256 on P-256 (`-7`); signatures are DER in WebAuthn.
    case es256 = -7
    /// EdDSA (`-8`); here Ed25519 only.
    case edDSA = -8
    /// RSASSA-PKCS1-v1_5 with SHA-256 (`-257`), with a modulus of 2048 to 8192 bits.
    case rs256 = -257
}

/// A credential public key, decoded from its COSE_Key form (RFC 9052 §7, RFC 9053).
///
/// The decoding is strict: the key is one CBOR map in CTAP2 canonical form with the
/// labels of its key type and no others (`kty`, `alg`, and `crv`/`x`/`y` for EC2,
/// `crv`/`x` for OKP, `n`/`e` for RSA); `alg` is required and must agree with `kty`
/// and `crv`.
public struct CredentialPublicKey: Sendable {
    /// The key's algorithm.
    public let algorithm: COSEAlgorithm
    /// The COSE_Key bytes, as they appeared in the authenticator data; store these.
    public let coseKey: [UInt8]

    private enum Key: Sendable {
        case p256(P256.Signing.PublicKey)
        case ed25519(Curve25519.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    private let key: Key

    /// Decodes a COSE_Key that fills `coseKey` exactly.
    public init(coseKey: [UInt8]) throws(WebAuthnError) {
        let value: CBORValue
        do {
            value = try CBORDecoder(limits: Self.decodingLimits).decode(coseKey)
        } catch {
            throw .publicKeyMalformed
        }
        try self.init(decoded: value, coseKey: coseKey)
    }

    /// The CBOR limits for a COSE key: canonical map order, shallow, a few labels.
    static let decodingLimits = CBORDecoder.Limits(
        maximumInputSize: 2048, maximumDepth: 1, maximumCollectionCount: 8, requireCanonicalMapOrder: true)

    init(decoded value: CBORValue, coseKey: [UInt8]) throws(WebAuthnError) {
        guard let entries = value.mapEntries else { throw .publicKeyMalformed }
        guard let keyType = value[1]?.integer, let algorithmID = value[3]?.integer else {
            throw .publicKeyMalformed
        }
        guard let algorithm = COSEAlgorithm(rawValue: algorithmID) else { throw .publicKeyAlgorithmNotSupported }
        let labels = Set(entries.compactMap { $0.key.integer })
        guard labels.count == entries.count else { throw .publicKeyMalformed }  // a text label

        switch algorithm {
        case .es256:
            guard keyType == 2, value[-1]?.integer == 1 else { throw .publicKeyTypeMismatch }
            guard labels == [1, 3, -1, -2, -3],
                case .bytes(let x) = value[-2], case .bytes(let y) = value[-3], x.count == 32, y.count == 32
            else { throw .publicKeyMalformed }
            guard let key = try? P256.Signing.PublicKey(rawRepresentation: x + y) else { throw .publicKeyInvalid }
            self.key = .p256(key)
        case .edDSA:
            guard keyType == 1, value[-1]?.integer == 6 else { throw .publicKeyTypeMismatch }
            guard labels == [1, 3, -1, -2], case .bytes(let x) = value[-2], x.count == 32 else {
                throw .publicKeyMalformed
            }
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else { throw .publicKeyInvalid }
            self.key = .ed25519(key)
        case .rs256:
            guard keyType == 3 else { throw .publicKeyTypeMismatch }
            guard labels == [1, 3, -1, -2], case .bytes(let n) = value[-1], case .bytes(let e) = value[-2],
                !e.isEmpty, e.count <= 8
            else { throw .publicKeyMalformed }
            let modulus = n.drop(while: { $0 == 0 })
            let modulusBits = modulus.isEmpty ? 0 : modulus.count * 8 - modulus.first!.leadingZeroBitCount
            guard (2048...8192).contains(modulusBits) else { throw .publicKeyRSAModulusSizeNotAllowed }
            guard let key = try? _RSA.Signing.PublicKey(n: Array(modulus), e: e) else { throw .publicKeyInvalid }
            self.key = .rsa(key)
        }
        self.algorithm = algorithm
        self.coseKey = coseKey
    }

    /// Whether `signature` is this key's signature over `data` with the key's algorithm
    /// (an ES256 signature in DER, as WebAuthn sends it).
    public func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool {
        switch key {
        case .p256(let key):
            guard let signature = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: data)
        case .ed25519(let key):
            return key.isValidSignature(signature, for: data)
        case .rsa(let key):
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: data),
                padding: .insecurePKCS1v1_5)
        }
    }
}
