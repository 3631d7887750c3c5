/// A string holding base64url (RFC 4648 §5) bytes, as in WebAuthn Level 3's JSON forms.
///
/// Responses may carry it padded or not (both are accepted when verified); everything
/// this module produces is unpadded.
public typealias Base64URLString = String

/// A registration response as `PublicKeyCredential.toJSON()` gives it
/// (WebAuthn Level 3 `RegistrationResponseJSON`).
///
/// Only `id`, `rawId`, `type`, `response.clientDataJSON` and
/// `response.attestationObject` are verified; the other members are conveniences a
/// browser adds (`response.publicKey` and the like) and are read from the attestation
/// object instead.
public struct RegistrationResponseJSON: Sendable, Hashable, Codable {
    /// The credential id, base64url.
    public var id: Base64URLString
    /// The credential id, base64url (the same bytes as `id`).
    public var rawId: Base64URLString
    /// The authenticator's response.
    public var response: AuthenticatorAttestationResponseJSON
    /// `platform` or `cross-platform`, when the browser tells.
    public var authenticatorAttachment: String?
    /// The client extension outputs, passed along as they came.
    public var clientExtensionResults: JSONValue?
    /// Always `public-key`.
    public var type: String

    /// Makes a response from its members.
    public init(
        id: Base64URLString, rawId: Base64URLString, response: AuthenticatorAttestationResponseJSON,
        authenticatorAttachment: String? = nil, clientExtensionResults: JSONValue? = .object([:]),
        type: String = "public-key"
    ) {
        self.id = id
        self.rawId = rawId
        self.response = response
        self.authenticatorAttachment = authenticatorAttachment
        self.clientExtensionResults = clientExtensionResults
        self.type = type
    }
}

/// The `response` member of ``RegistrationResponseJSON``
/// (WebAuthn Level 3 `AuthenticatorAttestationResponseJSON`).
public struct AuthenticatorAttestationResponseJSON: Sendable, Hashable, Codable {
    /// The client data, base64url of its JSON bytes.
    public var clientDataJSON: Base64URLString
    /// The authenticator data, base64url (a copy of the attestation object's; not used).
    public var authenticatorData: Base64URLString?
    /// The transports the authenticator may be reached over (`usb`, `nfc`, `ble`, `hybrid`, `internal`).
    public var transports: [String]?
    /// The credential public key as DER SubjectPublicKeyInfo, base64url (not used).
    public var publicKey: Base64URLString?
    /// The credential key's COSE algorithm (not used).
    public var publicKeyAlgorithm: Int?
    /// The attestation object, base64url of its CBOR bytes.
    public var attestationObject: Base64URLString

    /// Makes a response from its members.
    public init(
        clientDataJSON: Base64URLString, attestationObject: Base64URLString, authenticatorData: Base64URLString? = nil,
        transports: [String]? = nil, publicKey: Base64URLString? = nil, publicKeyAlgorithm: Int? = nil
    ) {
        self.clientDataJSON = clientDataJSON
        self.attestationObject = attestationObject
        self.authenticatorData = authenticatorData
        self.transports = transports
        self.publicKey = publicKey
        self.publicKeyAlgorithm = publicKeyAlgorithm
    }
}

/// An authentication response as `PublicKeyCredential.toJSON()` gives it
/// (WebAuthn Level 3 `AuthenticationResponseJSON`).
public struct AuthenticationResponseJSON: Sendable, Hashable, Codable {
    /// The credential id, base64url.
    public var id: Base64URLString
    /// The credential id, base64url (the same bytes as `id`).
    public var rawId: Base64URLString
    /// The authenticator's response.
    public var response: AuthenticatorAssertionResponseJSON
    /// `platform` or `cross-platform`, when the browser tells.
    public var authenticatorAttachment: String?
    /// The client extension outputs, passed along as they came.
    public var clientExtensionResults: JSONValue?
    /// Always `public-key`.
    public var type: String

    /// Makes a response from its members.
    public init(
        id: Base64URLString, rawId: Base64URLString, response: AuthenticatorAssertionResponseJSON,
        authenticatorAttachment: String? = nil, clientExtensionResults: JSONValue? = .object([:]),
        type: String = "public-key"
    ) {
        self.id = id
        self.rawId = rawId
        self.response = response
        self.authenticatorAttachment = authenticatorAttachment
        self.clientExtensionResults = clientExtensionResults
        self.type = type
    }
}

/// The `response` member of ``AuthenticationResponseJSON``
/// (WebAuthn Level 3 `AuthenticatorAssertionResponseJSON`).
public struct AuthenticatorAssertionResponseJSON: Sendable, Hashable, Codable {
    /// The client data, base64url of its JSON bytes.
    public var clientDataJSON: Base64URLString
    /// The authenticator data, base64url.
    public var authenticatorData: Base64URLString
    /// The signature over authenticator data and the client data's SHA-256, base64url.
    public var signature: Base64URLString
    /// The user handle (`user.id` at registration), base64url; sent for discoverable credentials.
    public var userHandle: Base64URLString?

    /// Makes a response from its members.
    public init(
        clientDataJSON: Base64URLString, authenticatorData: Base64URLString, signature: Base64URLString,
        userHandle: Base64URLString? = nil
    ) {
        self.clientDataJSON = clientDataJSON
        self.authenticatorData = authenticatorData
        self.signature = signature
        self.userHandle = userHandle
    }
}
