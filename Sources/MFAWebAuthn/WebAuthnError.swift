/// Why a registration or authentication response was refused. Each case names the
/// check that failed; none carries any part of the response, so an error can be
/// logged or shown without echoing what a client sent.
public enum WebAuthnError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: The JSON envelope

    /// A binary field is not base64url; the associated value names the field.
    case invalidBase64URL(field: String)
    /// The credential's `type` is not `public-key`.
    case credentialTypeNotPublicKey
    /// `id` and `rawId` name different credentials.
    case credentialIDMismatch
    /// A response field is larger than its limit; the associated value names the field.
    case fieldTooLarge(field: String)

    // MARK: Client data

    /// `clientDataJSON` is not a JSON object with string `type`, `challenge` and `origin`.
    case clientDataMalformed
    /// The client data's `type` is not the one of the ceremony (`webauthn.create` or `webauthn.get`).
    case clientDataTypeMismatch
    /// The client data's challenge is not the expected one.
    case challengeMismatch
    /// The client data's origin is not one of the relying party's origins.
    case originNotAllowed
    /// The client data says the ceremony ran in a cross-origin iframe (`crossOrigin: true`).
    case crossOriginNotAllowed

    // MARK: Attestation object and authenticator data

    /// The attestation object is not valid CBOR; the associated value names the CBOR check.
    case attestationObjectMalformed(CBORError)
    /// The attestation object is not a map of exactly `fmt`, `attStmt` and `authData`.
    case attestationObjectStructureInvalid
    /// The authenticator data is shorter than its 37 fixed bytes or than its parts declare.
    case authenticatorDataTruncated
    /// Bytes follow the last part the flags announce.
    case authenticatorDataTrailingBytes
    /// The extension data flag (ED) and the presence of an extensions map disagree, or the map is malformed.
    case extensionDataInvalid
    /// The RP ID hash is not SHA-256 of the relying party id.
    case rpIDHashMismatch
    /// The user-present flag (UP) is not set.
    case userNotPresent
    /// User verification was required and the user-verified flag (UV) is not set.
    case userNotVerified
    /// The backed-up flag (BS) is set without the backup-eligible flag (BE).
    case backupStateWithoutEligibility
    /// The backup-eligible flag (BE) differs from the one the credential was registered with.
    case backupEligibilityChanged
    /// A registration without attested credential data (AT flag).
    case attestedCredentialDataMissing
    /// An assertion with attested credential data (AT flag).
    case attestedCredentialDataUnexpected
    /// The credential id in the authenticator data is empty or longer than 1023 bytes.
    case credentialIDLengthInvalid
    /// The credential id in the authenticator data is not the response's `rawId`.
    case credentialIDNotInAuthenticatorData

    // MARK: Keys and signatures

    /// The credential public key is not a well-formed COSE key in canonical CBOR.
    case publicKeyMalformed
    /// The COSE key's algorithm is not ES256, EdDSA or RS256, or not one the relying party accepts.
    case publicKeyAlgorithmNotSupported
    /// The COSE key's type or curve does not match its algorithm.
    case publicKeyTypeMismatch
    /// An RSA key whose modulus has fewer than 2048 or more than 8192 bits.
    case publicKeyRSAModulusSizeNotAllowed
    /// The key material is not a valid public key (a point off the curve, for example).
    case publicKeyInvalid
    /// The assertion's signature does not verify with the credential's public key.
    case signatureInvalid

    // MARK: Attestation statements

    /// The attestation format is neither `none` nor `packed`.
    case attestationFormatNotSupported
    /// The attestation statement does not have the fields its format requires.
    case attestationStatementMalformed
    /// The attestation statement's `alg` does not match the key that signed it.
    case attestationAlgorithmMismatch
    /// The attestation signature does not verify.
    case attestationSignatureInvalid
    /// The attestation certificate breaks a requirement of WebAuthn §8.2.1.
    case attestationCertificateInvalid(AttestationCertificateProblem)

    // MARK: Counters and stored credentials

    /// The signature counter is not greater than the stored one (and they are not both 0).
    case signCountNotIncreased
    /// The assertion is for another credential than the stored one.
    case credentialNotRecognized
    /// The user handle of the assertion is not the stored credential's.
    case userHandleMismatch

    /// A sentence naming the failed check.
    public var description: String {
        switch self {
        case .invalidBase64URL(let field): "WebAuthn: \(field) is not base64url"
        case .credentialTypeNotPublicKey: "WebAuthn: the credential type is not public-key"
        case .credentialIDMismatch: "WebAuthn: id and rawId differ"
        case .fieldTooLarge(let field): "WebAuthn: \(field) is larger than its limit"
        case .clientDataMalformed: "WebAuthn: the client data is not the expected JSON object"
        case .clientDataTypeMismatch: "WebAuthn: the client data type is not the ceremony's"
        case .challengeMismatch: "WebAuthn: the challenge is not the expected one"
        case .originNotAllowed: "WebAuthn: the origin is not allowed"
        case .crossOriginNotAllowed: "WebAuthn: cross-origin ceremonies are not allowed"
        case .attestationObjectMalformed(let error): "WebAuthn: the attestation object is malformed (\(error))"
        case .attestationObjectStructureInvalid: "WebAuthn: the attestation object does not have fmt, attStmt and authData"
        case .authenticatorDataTruncated: "WebAuthn: the authenticator data is truncated"
        case .authenticatorDataTrailingBytes: "WebAuthn: the authenticator data has trailing bytes"
        case .extensionDataInvalid: "WebAuthn: the extension data and the ED flag disagree"
        case .rpIDHashMismatch: "WebAuthn: the RP ID hash is not the relying party's"
        case .userNotPresent: "WebAuthn: the user was not present (UP)"
        case .userNotVerified: "WebAuthn: the user was not verified (UV)"
        case .backupStateWithoutEligibility: "WebAuthn: the backup state flag is set without backup eligibility"
        case .backupEligibilityChanged: "WebAuthn: the backup eligibility changed since registration"
        case .attestedCredentialDataMissing: "WebAuthn: the registration has no attested credential data"
        case .attestedCredentialDataUnexpected: "WebAuthn: the assertion has attested credential data"
        case .credentialIDLengthInvalid: "WebAuthn: the credential id is empty or longer than 1023 bytes"
        case .credentialIDNotInAuthenticatorData: "WebAuthn: rawId is not the credential id of the authenticator data"
        case .publicKeyMalformed: "WebAuthn: the credential public key is not a canonical COSE key"
        case .publicKeyAlgorithmNotSupported: "WebAuthn: the public key algorithm is not supported"
        case .publicKeyTypeMismatch: "WebAuthn: the COSE key type or curve does not match its algorithm"
        case .publicKeyRSAModulusSizeNotAllowed: "WebAuthn: the RSA modulus is not between 2048 and 8192 bits"
        case .publicKeyInvalid: "WebAuthn: the public key is invalid"
        case .signatureInvalid: "WebAuthn: the signature is invalid"
        case .attestationFormatNotSupported: "WebAuthn: the attestation format is not supported"
        case .attestationStatementMalformed: "WebAuthn: the attestation statement is malformed"
        case .attestationAlgorithmMismatch: "WebAuthn: the attestation algorithm does not match the key"
        case .attestationSignatureInvalid: "WebAuthn: the attestation signature is invalid"
        case .attestationCertificateInvalid(let problem): "WebAuthn: the attestation certificate \(problem)"
        case .signCountNotIncreased: "WebAuthn: the signature counter did not increase"
        case .credentialNotRecognized: "WebAuthn: the assertion is for another credential"
        case .userHandleMismatch: "WebAuthn: the user handle is not the credential's"
        }
    }
}

/// Which requirement of WebAuthn §8.2.1 (packed attestation certificates) a leaf
/// certificate breaks.
public enum AttestationCertificateProblem: Sendable, Hashable, CustomStringConvertible {
    /// The certificate is not DER X.509.
    case malformed
    /// The certificate is not version 3.
    case notVersion3
    /// The subject lacks C, O or CN, or its OU is not "Authenticator Attestation".
    case subjectInvalid
    /// Basic constraints are missing, unreadable, or say CA.
    case basicConstraintsInvalid
    /// The id-fido-gen-ce-aaguid extension is critical, malformed, or names another AAGUID.
    case aaguidMismatch
    /// The certificate's key is not of a kind this verifier can check signatures with.
    case publicKeyNotSupported

    /// A phrase naming the broken requirement.
    public var description: String {
        switch self {
        case .malformed: "is not DER X.509"
        case .notVersion3: "is not version 3"
        case .subjectInvalid: "subject lacks C, O, CN or OU \"Authenticator Attestation\""
        case .basicConstraintsInvalid: "basic constraints are missing or say CA"
        case .aaguidMismatch: "AAGUID extension does not match the authenticator data"
        case .publicKeyNotSupported: "key is of an unsupported kind"
        }
    }
}
