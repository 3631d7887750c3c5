/// Options for `navigator.credentials.create()` in the JSON form a page passes to
/// `PublicKeyCredential.parseCreationOptionsFromJSON()`
/// (WebAuthn Level 3 `PublicKeyCredentialCreationOptionsJSON`).
///
/// Build one with ``RelyingParty/creationOptions(challenge:user:excludeCredentials:residentKey:userVerification:timeout:)``.
public struct PublicKeyCredentialCreationOptionsJSON: Sendable, Hashable, Codable {
    /// The relying party.
    public var rp: PublicKeyCredentialRpEntity
    /// The account the credential is for.
    public var user: PublicKeyCredentialUserEntityJSON
    /// The challenge, base64url.
    public var challenge: Base64URLString
    /// The accepted key algorithms, most preferred first.
    public var pubKeyCredParams: [PublicKeyCredentialParameters]
    /// How long the browser waits, in milliseconds.
    public var timeout: Int?
    /// Credentials the account already has, which the authenticator must not create again.
    public var excludeCredentials: [PublicKeyCredentialDescriptorJSON]?
    /// What kind of authenticator is wanted.
    public var authenticatorSelection: AuthenticatorSelectionCriteria?
    /// Hints to the browser's user interface (`security-key`, `client-device`, `hybrid`).
    public var hints: [String]?
    /// The attestation conveyance preference: `none` here.
    public var attestation: String?
}

/// Options for `navigator.credentials.get()` in the JSON form a page passes to
/// `PublicKeyCredential.parseRequestOptionsFromJSON()`
/// (WebAuthn Level 3 `PublicKeyCredentialRequestOptionsJSON`).
///
/// Build one with ``RelyingParty/requestOptions(challenge:allowCredentials:userVerification:timeout:)``.
public struct PublicKeyCredentialRequestOptionsJSON: Sendable, Hashable, Codable {
    /// The challenge, base64url.
    public var challenge: Base64URLString
    /// How long the browser waits, in milliseconds.
    public var timeout: Int?
    /// The relying party id.
    public var rpId: String?
    /// The credentials that may answer; empty or absent for a discoverable credential.
    public var allowCredentials: [PublicKeyCredentialDescriptorJSON]?
    /// Whether the user must be verified.
    public var userVerification: UserVerificationRequirement?
    /// Hints to the browser's user interface.
    public var hints: [String]?
}

/// The relying party in creation options (`PublicKeyCredentialRpEntity`).
public struct PublicKeyCredentialRpEntity: Sendable, Hashable, Codable {
    /// The relying party id: a registrable domain suffix of the origins' host.
    public var id: String?
    /// A name to show people.
    public var name: String

    /// Makes an entity.
    public init(id: String?, name: String) {
        self.id = id
        self.name = name
    }
}

/// The account in creation options (`PublicKeyCredentialUserEntityJSON`).
public struct PublicKeyCredentialUserEntityJSON: Sendable, Hashable, Codable {
    /// The user handle, base64url: at most 64 opaque bytes with no personal data.
    public var id: Base64URLString
    /// A name that tells accounts apart, such as an email address.
    public var name: String
    /// A name to show people.
    public var displayName: String

    /// Makes an entity from the user handle's bytes.
    public init(id: [UInt8], name: String, displayName: String) {
        self.id = Base64URL.encode(id)
        self.name = name
        self.displayName = displayName
    }
}

/// One accepted key algorithm (`PublicKeyCredentialParameters`).
public struct PublicKeyCredentialParameters: Sendable, Hashable, Codable {
    /// Always `public-key`.
    public var type: String
    /// The COSE algorithm identifier.
    public var alg: Int

    /// Makes the parameters for `algorithm`.
    public init(algorithm: COSEAlgorithm) {
        type = "public-key"
        alg = algorithm.rawValue
    }
}

/// A credential named in `excludeCredentials` or `allowCredentials`
/// (`PublicKeyCredentialDescriptorJSON`).
public struct PublicKeyCredentialDescriptorJSON: Sendable, Hashable, Codable {
    /// Always `public-key`.
    public var type: String
    /// The credential id, base64url.
    public var id: Base64URLString
    /// The transports the credential was registered with, when known.
    public var transports: [String]?

    /// Makes a descriptor from the credential id's bytes.
    public init(id: [UInt8], transports: [String]? = nil) {
        type = "public-key"
        self.id = Base64URL.encode(id)
        self.transports = transports
    }
}

/// What kind of authenticator creation options ask for (`AuthenticatorSelectionCriteria`).
public struct AuthenticatorSelectionCriteria: Sendable, Hashable, Codable {
    /// `platform` or `cross-platform`; absent for either.
    public var authenticatorAttachment: String?
    /// Whether the credential should be discoverable.
    public var residentKey: ResidentKeyRequirement?
    /// `true` exactly when `residentKey` is `required` (for Level 1 browsers).
    public var requireResidentKey: Bool?
    /// Whether the user must be verified.
    public var userVerification: UserVerificationRequirement?
}

/// Whether a discoverable credential (a passkey that signs in without a user name) is wanted.
public enum ResidentKeyRequirement: String, Sendable, Hashable, Codable {
    /// The credential must be discoverable.
    case required
    /// A discoverable credential if the authenticator can.
    case preferred
    /// A server-side credential if the authenticator can.
    case discouraged
}

/// Whether the authenticator must verify the user (PIN, biometrics).
public enum UserVerificationRequirement: String, Sendable, Hashable, Codable {
    /// The ceremony fails without user verification.
    case required
    /// User verification if the authenticator can.
    case preferred
    /// No user verification if it can be avoided.
    case discouraged
}
