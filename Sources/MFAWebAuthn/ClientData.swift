import Foundation

/// The fields of `clientDataJSON` (WebAuthn §5.8.1) that a relying party checks.
///
/// Other members (`topOrigin`, `tokenBinding`, and whatever a browser adds) are read
/// past: `topOrigin` only matters for cross-origin ceremonies, which are refused.
public struct CollectedClientData: Sendable, Hashable {
    /// `webauthn.create` or `webauthn.get`.
    public let type: String
    /// The challenge, decoded from base64url.
    public let challenge: [UInt8]
    /// The origin of the page that ran the ceremony.
    public let origin: String
    /// Whether the ceremony ran in a cross-origin iframe (absent counts as `false`).
    public let crossOrigin: Bool

    /// The largest `clientDataJSON` accepted.
    public static let maximumSize = 8 * 1024

    private struct Wire: Decodable {
        var type: String
        var challenge: String
        var origin: String
        var crossOrigin: Bool?
    }

    /// Parses the JSON bytes of `clientDataJSON`.
    ///
    /// - Throws: ``WebAuthnError/fieldTooLarge(field:)``, ``WebAuthnError/clientDataMalformed``,
    ///   ``WebAuthnError/invalidBase64URL(field:)`` for the challenge.
    public init(json: [UInt8]) throws(WebAuthnError) {
        guard json.count <= Self.maximumSize else { throw .fieldTooLarge(field: "clientDataJSON") }
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(json)) else { throw .clientDataMalformed }
        guard let challenge = Base64URL.decode(wire.challenge) else {
            throw .invalidBase64URL(field: "clientDataJSON.challenge")
        }
        type = wire.type
        self.challenge = challenge
        origin = wire.origin
        crossOrigin = wire.crossOrigin ?? false
    }

    /// Checks the client data against what the ceremony expects.
    func verify(type expectedType: String, challenge expectedChallenge: [UInt8], origins: Set<String>)
        throws(WebAuthnError)
    {
        guard type == expectedType else { throw .clientDataTypeMismatch }
        guard constantTimeEquals(challenge, expectedChallenge) else { throw .challengeMismatch }
        guard origins.contains(origin) else { throw .originNotAllowed }
        guard !crossOrigin else { throw .crossOriginNotAllowed }
    }
}
