import Crypto

/// A registered credential as the relying party stored it: what an assertion is checked against.
public struct StoredCredential: Sendable, Hashable {
    /// The credential id.
    public var id: [UInt8]
    /// The credential public key as COSE_Key bytes (``RegisteredCredential/publicKey``).
    public var publicKey: [UInt8]
    /// The last signature counter seen.
    public var signCount: UInt32
    /// Whether the credential was backup eligible (BE) at registration; it may not change.
    public var backupEligible: Bool
    /// The user handle (`user.id`) it was registered for, when the assertion must carry the same.
    public var userHandle: [UInt8]?

    /// Makes a stored credential.
    public init(id: [UInt8], publicKey: [UInt8], signCount: UInt32, backupEligible: Bool, userHandle: [UInt8]? = nil) {
        self.id = id
        self.publicKey = publicKey
        self.signCount = signCount
        self.backupEligible = backupEligible
        self.userHandle = userHandle
    }
}

/// What a verified assertion tells: store ``newSignCount`` and the backup state.
public struct AuthenticationResult: Sendable, Hashable {
    /// The credential that signed.
    public let credentialID: [UInt8]
    /// The signature counter to store.
    public let newSignCount: UInt32
    /// Whether the user was verified (UV): with it, the passkey counts as two factors.
    public let userVerified: Bool
    /// Whether the credential is backed up now (BS).
    public let backedUp: Bool
    /// Whether the credential may be backed up (BE).
    public let backupEligible: Bool
    /// The user handle the authenticator returned, if any.
    public let userHandle: [UInt8]?
}

extension RelyingParty {
    /// The longest user handle WebAuthn allows (§5.4.3).
    public static let maximumUserHandleLength = 64

    /// Verifies an authentication response (WebAuthn §7.2) for a stored credential.
    ///
    /// Checks, in order: the credential type and id, which must be the stored
    /// credential's; the user handle, when both the response and the stored credential
    /// have one; the client data (type `webauthn.get`, the expected challenge compared in
    /// constant time, an allowed origin, not cross-origin); the authenticator data (RP ID
    /// hash, user present, user verified when required, backup flags, no attested
    /// credential data, the stored backup eligibility); the signature over authenticator
    /// data and the client data's SHA-256; then the counter, which must grow unless it
    /// is 0 before and after (authenticators without counters, synced passkeys).
    ///
    /// - Parameters:
    ///   - response: What `PublicKeyCredential.toJSON()` gave the page.
    ///   - expectedChallenge: The challenge of the options this response answers.
    ///   - credential: The stored credential named by the response's id.
    ///   - requireUserVerification: Whether the UV flag must be set.
    /// - Throws: A ``WebAuthnError`` naming the first check that failed.
    public func verifyAuthentication(
        _ response: AuthenticationResponseJSON, expectedChallenge: [UInt8], credential: StoredCredential,
        requireUserVerification: Bool = false
    ) throws(WebAuthnError) -> AuthenticationResult {
        let credentialID = try Self.credentialID(id: response.id, rawID: response.rawId, type: response.type)
        guard credentialID == credential.id else { throw .credentialNotRecognized }
        var userHandle: [UInt8]?
        if let text = response.response.userHandle, !text.isEmpty {
            userHandle = try Self.decode(text, field: "userHandle", maximumBytes: Self.maximumUserHandleLength)
        }
        if let userHandle, let expected = credential.userHandle, userHandle != expected {
            throw .userHandleMismatch
        }

        let clientDataJSON = try Self.decode(
            response.response.clientDataJSON, field: "clientDataJSON", maximumBytes: CollectedClientData.maximumSize)
        let clientData = try CollectedClientData(json: clientDataJSON)
        try clientData.verify(type: "webauthn.get", challenge: expectedChallenge, origins: origins)

        let authenticatorDataBytes = try Self.decode(
            response.response.authenticatorData, field: "authenticatorData", maximumBytes: AuthenticatorData.maximumSize)
        let authenticatorData = try AuthenticatorData(bytes: authenticatorDataBytes)
        try checkAuthenticatorData(authenticatorData, requireUserVerification: requireUserVerification)
        guard authenticatorData.attestedCredentialData == nil else { throw .attestedCredentialDataUnexpected }
        guard authenticatorData.flags.contains(.backupEligible) == credential.backupEligible else {
            throw .backupEligibilityChanged
        }

        let signature = try Self.decode(response.response.signature, field: "signature", maximumBytes: 1024)
        let key = try CredentialPublicKey(coseKey: credential.publicKey)
        guard algorithms.contains(key.algorithm) else { throw .publicKeyAlgorithmNotSupported }
        let signedData = authenticatorDataBytes + SHA256.hash(data: clientDataJSON)
        guard key.isValidSignature(signature, for: signedData) else { throw .signatureInvalid }

        let newSignCount = authenticatorData.signCount
        guard newSignCount > credential.signCount || (newSignCount == 0 && credential.signCount == 0) else {
            throw .signCountNotIncreased
        }
        return AuthenticationResult(
            credentialID: credentialID, newSignCount: newSignCount,
            userVerified: authenticatorData.flags.contains(.userVerified),
            backedUp: authenticatorData.flags.contains(.backedUp),
            backupEligible: authenticatorData.flags.contains(.backupEligible),
            userHandle: userHandle)
    }
}
