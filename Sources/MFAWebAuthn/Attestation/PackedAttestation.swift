import Crypto
import CryptoExtras
import SwiftASN1
import X509

/// Verification of the `packed` attestation statement format (WebAuthn §8.2).
enum PackedAttestation {
    /// The OID of the id-fido-gen-ce-aaguid certificate extension.
    static let aaguidExtensionOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 45724, 1, 1, 4]

    /// Verifies `statement` over `authenticatorData` and `clientDataHash`.
    static func verify(
        statement: CBORValue, authenticatorData: AuthenticatorData, clientDataHash: [UInt8],
        credentialKey: CredentialPublicKey
    ) throws(WebAuthnError) -> AttestationType {
        guard let entries = statement.mapEntries, let algorithm = statement["alg"]?.integer,
            case .bytes(let signature) = statement["sig"]
        else { throw .attestationStatementMalformed }
        let signedData = authenticatorData.bytes + clientDataHash

        guard let x5c = statement["x5c"] else {
            // Self attestation: the credential key signs its own creation.
            guard entries.count == 2 else { throw .attestationStatementMalformed }
            guard algorithm == credentialKey.algorithm.rawValue else { throw .attestationAlgorithmMismatch }
            guard credentialKey.isValidSignature(signature, for: signedData) else {
                throw .attestationSignatureInvalid
            }
            return .self
        }

        guard entries.count == 3, case .array(let chain) = x5c, case .bytes(let leafBytes)? = chain.first,
            chain.allSatisfy({ if case .bytes = $0 { true } else { false } })
        else { throw .attestationStatementMalformed }
        let leaf: Certificate
        do {
            leaf = try Certificate(derEncoded: leafBytes)
        } catch {
            throw .attestationCertificateInvalid(.malformed)
        }
        guard try isValidSignature(signature, for: signedData, algorithm: algorithm, key: leaf.publicKey) else {
            throw .attestationSignatureInvalid
        }
        try checkRequirements(of: leaf, aaguid: authenticatorData.attestedCredentialData?.aaguid ?? [])
        return .unverifiedCertificate
    }

    /// Verifies a signature with a certificate's key; the key's kind must match `algorithm`.
    static func isValidSignature(
        _ signature: [UInt8], for data: [UInt8], algorithm: Int, key: Certificate.PublicKey
    ) throws(WebAuthnError) -> Bool {
        switch algorithm {
        case -7:
            guard let key = P256.Signing.PublicKey(key) else { throw .attestationAlgorithmMismatch }
            guard let signature = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: data)
        case -35:
            guard let key = P384.Signing.PublicKey(key) else { throw .attestationAlgorithmMismatch }
            guard let signature = try? P384.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: data)
        case -36:
            guard let key = P521.Signing.PublicKey(key) else { throw .attestationAlgorithmMismatch }
            guard let signature = try? P521.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(signature, for: data)
        case -8:
            guard let key = Curve25519.Signing.PublicKey(key) else { throw .attestationAlgorithmMismatch }
            return key.isValidSignature(signature, for: data)
        case -257:
            guard let key = _RSA.Signing.PublicKey(key) else { throw .attestationAlgorithmMismatch }
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: data),
                padding: .insecurePKCS1v1_5)
        default:
            throw .attestationAlgorithmMismatch
        }
    }

    /// The requirements of WebAuthn §8.2.1 on the attestation certificate.
    static func checkRequirements(of certificate: Certificate, aaguid: [UInt8]) throws(WebAuthnError) {
        guard certificate.version == .v3 else { throw .attestationCertificateInvalid(.notVersion3) }

        var subject: [ASN1ObjectIdentifier: [String]] = [:]
        for attribute in certificate.subject.flatMap({ $0 }) {
            subject[attribute.type, default: []].append(String(attribute.value) ?? "")
        }
        let types = ASN1ObjectIdentifier.RDNAttributeType.self
        guard subject[types.countryName]?.count == 1, subject[types.organizationName]?.count == 1,
            subject[types.commonName]?.count == 1,
            subject[types.organizationalUnitName] == ["Authenticator Attestation"]
        else { throw .attestationCertificateInvalid(.subjectInvalid) }

        guard let basicConstraints = certificate.extensions[oid: .X509ExtensionID.basicConstraints],
            isNotCertificateAuthority(basicConstraints)
        else { throw .attestationCertificateInvalid(.basicConstraintsInvalid) }

        if let extensionAAGUID = certificate.extensions[oid: aaguidExtensionOID] {
            // extnValue holds an OCTET STRING of the 16 AAGUID bytes; the extension must not be critical.
            let value = Array(extensionAAGUID.value)
            guard !extensionAAGUID.critical, value.count == 18, value[0] == 0x04, value[1] == 0x10,
                Array(value[2...]) == aaguid
            else { throw .attestationCertificateInvalid(.aaguidMismatch) }
        }
    }

    /// Whether a basic constraints extension says "not a CA".
    ///
    /// DER omits a DEFAULT value, so `cA FALSE` is an empty SEQUENCE; some authenticators
    /// (Chromium's virtual authenticator among them) encode `cA` FALSE explicitly
    /// (`30 03 01 01 00`), which swift-certificates' strict DER refuses. That exact
    /// encoding means the same thing, so it is accepted too.
    static func isNotCertificateAuthority(_ basicConstraintsExtension: Certificate.Extension) -> Bool {
        if let constraints = try? BasicConstraints(basicConstraintsExtension) {
            return constraints == .notCertificateAuthority
        }
        return Array(basicConstraintsExtension.value) == [0x30, 0x03, 0x01, 0x01, 0x00]
    }
}
