import Crypto

/// A WebAuthn relying party: the site passkeys are registered with, and the verifier
/// of what browsers send back.
///
/// ```swift
/// let rp = RelyingParty(id: "example.com", name: "Example", origins: ["https://example.com"])
/// let options = rp.creationOptions(challenge: challenge, user: user)
/// // … the browser answers with a RegistrationResponseJSON …
/// let credential = try rp.verifyRegistration(response, expectedChallenge: challenge)
/// ```
public struct RelyingParty: Sendable {
    /// The relying party id: the domain credentials are scoped to (no scheme, no port).
    public let id: String
    /// A name to show people.
    public let name: String
    /// The exact origins (`scheme://host[:port]`) pages may run ceremonies from.
    public let origins: Set<String>
    /// The credential key algorithms accepted and offered, most preferred first.
    public let algorithms: [COSEAlgorithm]

    let rpIDHash: [UInt8]

    /// Makes a relying party.
    ///
    /// - Parameters:
    ///   - id: The relying party id, such as `example.com`.
    ///   - name: A name to show people.
    ///   - origins: The origins allowed in client data, compared exactly.
    ///   - algorithms: The accepted algorithms; by default ES256, EdDSA and RS256.
    public init(
        id: String, name: String, origins: some Sequence<String>,
        algorithms: [COSEAlgorithm] = [.es256, .edDSA, .rs256]
    ) {
        self.id = id
        self.name = name
        self.origins = Set(origins)
        self.algorithms = algorithms
        rpIDHash = Array(SHA256.hash(data: Array(id.utf8)))
    }
}

// MARK: - Options

extension RelyingParty {
    /// The timeout put in options when none is given: 5 minutes, the lifetime of a challenge.
    public static let defaultTimeout = 300_000

    /// Options that ask a browser to create a passkey for `user`.
    ///
    /// Attestation is `none`: this verifier checks no attestation trust anchors, so asking
    /// for more would only cost the user a consent prompt.
    ///
    /// - Parameters:
    ///   - challenge: At least 16 random bytes, used once.
    ///   - user: The account: its user handle (random, at most 64 bytes), name and display name.
    ///   - excludeCredentials: The account's existing credentials, which may not be registered again.
    ///   - residentKey: Whether a discoverable credential is wanted.
    ///   - userVerification: Whether the user must be verified.
    ///   - timeout: Milliseconds the browser waits.
    public func creationOptions(
        challenge: [UInt8], user: PublicKeyCredentialUserEntityJSON,
        excludeCredentials: [PublicKeyCredentialDescriptorJSON] = [],
        residentKey: ResidentKeyRequirement = .preferred,
        userVerification: UserVerificationRequirement = .preferred,
        timeout: Int = defaultTimeout
    ) -> PublicKeyCredentialCreationOptionsJSON {
        PublicKeyCredentialCreationOptionsJSON(
            rp: PublicKeyCredentialRpEntity(id: id, name: name),
            user: user,
            challenge: Base64URL.encode(challenge),
            pubKeyCredParams: algorithms.map(PublicKeyCredentialParameters.init(algorithm:)),
            timeout: timeout,
            excludeCredentials: excludeCredentials,
            authenticatorSelection: AuthenticatorSelectionCriteria(
                residentKey: residentKey, requireResidentKey: residentKey == .required,
                userVerification: userVerification),
            attestation: "none")
    }

    /// Options that ask a browser for an assertion.
    ///
    /// - Parameters:
    ///   - challenge: At least 16 random bytes, used once.
    ///   - allowCredentials: The account's credentials; empty to let the user pick a
    ///     discoverable credential (signing in without a user name).
    ///   - userVerification: Whether the user must be verified.
    ///   - timeout: Milliseconds the browser waits.
    public func requestOptions(
        challenge: [UInt8], allowCredentials: [PublicKeyCredentialDescriptorJSON] = [],
        userVerification: UserVerificationRequirement = .preferred,
        timeout: Int = defaultTimeout
    ) -> PublicKeyCredentialRequestOptionsJSON {
        PublicKeyCredentialRequestOptionsJSON(
            challenge: Base64URL.encode(challenge), timeout: timeout, rpId: id,
            allowCredentials: allowCredentials, userVerification: userVerification)
    }
}

// MARK: - Shared checks

extension RelyingParty {
    /// Decodes a base64url field, refusing it unpadded-longer than `maximumBytes` allow.
    static func decode(_ text: String, field: String, maximumBytes: Int) throws(WebAuthnError) -> [UInt8] {
        guard text.utf8.count <= (maximumBytes + 2) / 3 * 4 else { throw .fieldTooLarge(field: field) }
        guard let bytes = Base64URL.decode(text) else { throw .invalidBase64URL(field: field) }
        guard bytes.count <= maximumBytes else { throw .fieldTooLarge(field: field) }
        return bytes
    }

    /// The credential id of a response, from `id` and `rawId`, which must agree.
    static func credentialID(id: String, rawID: String, type: String) throws(WebAuthnError) -> [UInt8] {
        guard type == "public-key" else { throw .credentialTypeNotPublicKey }
        let maximum = AuthenticatorData.maximumCredentialIDLength
        let rawIDBytes = try decode(rawID, field: "rawId", maximumBytes: maximum)
        let idBytes = try decode(id, field: "id", maximumBytes: maximum)
        guard idBytes == rawIDBytes else { throw .credentialIDMismatch }
        return rawIDBytes
    }

    /// The checks of authenticator data common to both ceremonies.
    func checkAuthenticatorData(_ data: AuthenticatorData, requireUserVerification: Bool) throws(WebAuthnError) {
        guard data.rpIDHash == rpIDHash else { throw .rpIDHashMismatch }
        guard data.flags.contains(.userPresent) else { throw .userNotPresent }
        guard data.flags.contains(.userVerified) || !requireUserVerification else { throw .userNotVerified }
        guard data.flags.contains(.backupEligible) || !data.flags.contains(.backedUp) else {
            throw .backupStateWithoutEligibility
        }
    }
}
