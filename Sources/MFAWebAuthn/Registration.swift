import Crypto

/// A credential that passed registration: what to store with the account.
public struct RegisteredCredential: Sendable, Hashable {
    /// The credential id (1 to 1023 bytes).
    public let id: [UInt8]
    /// The credential public key as COSE_Key bytes; give it back in ``StoredCredential/publicKey``.
    public let publicKey: [UInt8]
    /// The key's algorithm.
    public let algorithm: COSEAlgorithm
    /// The signature counter at registration.
    public let signCount: UInt32
    /// The authenticator model's AAGUID (16 bytes, all zero when undisclosed); not verified.
    public let aaguid: [UInt8]
    /// Whether the credential may be backed up (BE): a synced passkey.
    public let backupEligible: Bool
    /// Whether the credential is backed up now (BS).
    public let backedUp: Bool
    /// Whether the user was verified during registration (UV).
    public let userVerified: Bool
    /// The attestation statement format.
    public let attestationFormat: AttestationFormat
    /// What the attestation vouches for.
    public let attestationType: AttestationType
    /// The transports the browser reported, for `allowCredentials` hints; not verified.
    public let transports: [String]

    /// The AAGUID in its usual text form, such as `00000000-0000-0000-0000-000000000000`.
    public var aaguidString: String {
        let hex = aaguid.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex[hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)])
        }
        return groups.joined(separator: "-")
    }
}

extension RelyingParty {
    /// Verifies a registration response (WebAuthn §7.1) and returns the new credential.
    ///
    /// Checks, in order: the credential type and id; the client data (type
    /// `webauthn.create`, the expected challenge compared in constant time, an allowed
    /// origin, not cross-origin); the attestation object's structure; the authenticator
    /// data (RP ID hash, user present, user verified when required, backup flags,
    /// attested credential data whose id is `rawId`); the credential key (an accepted
    /// algorithm, canonical COSE); the attestation statement (`none`, or `packed` with
    /// self attestation or a certificate that meets §8.2.1).
    ///
    /// - Parameters:
    ///   - response: What `PublicKeyCredential.toJSON()` gave the page.
    ///   - expectedChallenge: The challenge of the options this response answers.
    ///   - requireUserVerification: Whether the UV flag must be set.
    /// - Throws: A ``WebAuthnError`` naming the first check that failed.
    public func verifyRegistration(
        _ response: RegistrationResponseJSON, expectedChallenge: [UInt8], requireUserVerification: Bool = false
    ) throws(WebAuthnError) -> RegisteredCredential {
        let credentialID = try Self.credentialID(id: response.id, rawID: response.rawId, type: response.type)
        let clientDataJSON = try Self.decode(
            response.response.clientDataJSON, field: "clientDataJSON", maximumBytes: CollectedClientData.maximumSize)
        let clientData = try CollectedClientData(json: clientDataJSON)
        try clientData.verify(type: "webauthn.create", challenge: expectedChallenge, origins: origins)
        let clientDataHash = Array(SHA256.hash(data: clientDataJSON))

        let attestationObject = try AttestationObject(
            bytes: Self.decode(
                response.response.attestationObject, field: "attestationObject",
                maximumBytes: AttestationObject.maximumSize))
        let authenticatorData = attestationObject.authenticatorData
        try checkAuthenticatorData(authenticatorData, requireUserVerification: requireUserVerification)
        guard let attested = authenticatorData.attestedCredentialData else { throw .attestedCredentialDataMissing }
        guard attested.credentialID == credentialID else { throw .credentialIDNotInAuthenticatorData }

        let key = try CredentialPublicKey(coseKey: attested.credentialPublicKey)
        guard algorithms.contains(key.algorithm) else { throw .publicKeyAlgorithmNotSupported }

        let attestationType: AttestationType
        switch AttestationFormat(rawValue: attestationObject.format) {
        case .none?:
            guard attestationObject.statement.mapEntries?.isEmpty == true else { throw .attestationStatementMalformed }
            attestationType = .none
        case .packed?:
            attestationType = try PackedAttestation.verify(
                statement: attestationObject.statement, authenticatorData: authenticatorData,
                clientDataHash: clientDataHash, credentialKey: key)
        case nil:
            throw .attestationFormatNotSupported
        }

        return RegisteredCredential(
            id: credentialID, publicKey: attested.credentialPublicKey, algorithm: key.algorithm,
            signCount: authenticatorData.signCount, aaguid: attested.aaguid,
            backupEligible: authenticatorData.flags.contains(.backupEligible),
            backedUp: authenticatorData.flags.contains(.backedUp),
            userVerified: authenticatorData.flags.contains(.userVerified),
            attestationFormat: AttestationFormat(rawValue: attestationObject.format)!,
            attestationType: attestationType, transports: response.response.transports ?? [])
    }
}
