import Crypto
import Foundation
import MFAWebAuthn

/// A software passkey (ES256, attestation `none`) that answers the options a server
/// hands out, the way a browser and an authenticator together would; each test can
/// bend what it sends. A test double: the independent clients are the Python one and
/// Chromium's virtual authenticator.
public struct SoftPasskey: Sendable {
    /// The origin the "browser" puts in client data.
    public var origin: String
    /// The relying party id it hashes into authenticator data, unless options name one.
    public var rpID: String
    /// The counter of the last signature (the registration's at first); each assertion adds one.
    public var signCount: UInt32
    /// Whether it sets the user-verified flag (UV).
    public var verifiesUser = true
    /// Whether it sets the backup-eligible flag (BE), as synced passkeys do.
    public var backupEligible = false
    /// The credential id.
    public let credentialID: [UInt8]
    /// The user handle it stored at registration, sent back in assertions.
    public private(set) var userHandle: [UInt8]?
    private let key = P256.Signing.PrivateKey()

    /// Makes a passkey for `origin`, its relying party id the origin's host.
    public init(origin: String = "https://auth.example.com", signCount: UInt32 = 1) {
        self.origin = origin
        rpID = URLComponents(string: origin)?.host ?? origin
        self.signCount = signCount
        credentialID = Array((0..<32).map { _ in UInt8.random(in: 0...255) })
    }

    /// The credential id as the JSON forms carry it.
    public var id: String { Base64URL.encode(credentialID) }

    /// Answers creation options with a registration response.
    public mutating func register(_ options: PublicKeyCredentialCreationOptionsJSON) -> RegistrationResponseJSON {
        userHandle = Base64URL.decode(options.user.id)
        let raw = Array(key.publicKey.rawRepresentation)
        let coseKey = Self.map([
            (Self.integer(1), Self.integer(2)), (Self.integer(3), Self.integer(-7)), (Self.integer(-1), Self.integer(1)),
            (Self.integer(-2), Self.bytes(Array(raw[0..<32]))), (Self.integer(-3), Self.bytes(Array(raw[32..<64]))),
        ])
        let attested = [UInt8](repeating: 0, count: 16) + [UInt8(credentialID.count >> 8), UInt8(credentialID.count & 0xFF)]
            + credentialID + coseKey
        let authenticatorData = authenticatorData(rpID: options.rp.id ?? rpID, extraFlags: 0x40) + attested
        let attestationObject = Self.map([
            (Self.text("fmt"), Self.text("none")), (Self.text("attStmt"), Self.map([])),
            (Self.text("authData"), Self.bytes(authenticatorData)),
        ])
        return RegistrationResponseJSON(
            id: id, rawId: id,
            response: AuthenticatorAttestationResponseJSON(
                clientDataJSON: Base64URL.encode(clientData(type: "webauthn.create", challenge: options.challenge)),
                attestationObject: Base64URL.encode(attestationObject), transports: ["internal"]
            )
        )
    }

    /// Answers request options with an assertion, and counts one signature.
    public mutating func assert(_ options: PublicKeyCredentialRequestOptionsJSON) -> AuthenticationResponseJSON {
        signCount += 1
        let authenticatorData = authenticatorData(rpID: options.rpId ?? rpID, extraFlags: 0)
        let clientDataJSON = clientData(type: "webauthn.get", challenge: options.challenge)
        let signature = try! key.signature(for: authenticatorData + SHA256.hash(data: clientDataJSON)).derRepresentation
        return AuthenticationResponseJSON(
            id: id, rawId: id,
            response: AuthenticatorAssertionResponseJSON(
                clientDataJSON: Base64URL.encode(clientDataJSON), authenticatorData: Base64URL.encode(authenticatorData),
                signature: Base64URL.encode(Array(signature)), userHandle: userHandle.map { Base64URL.encode($0) }
            )
        )
    }

    private func clientData(type: String, challenge: String) -> [UInt8] {
        Array("{\"type\":\"\(type)\",\"challenge\":\"\(challenge)\",\"origin\":\"\(origin)\",\"crossOrigin\":false}".utf8)
    }

    private func authenticatorData(rpID: String, extraFlags: UInt8) -> [UInt8] {
        let flags: UInt8 = 0x01 | (verifiesUser ? 0x04 : 0) | (backupEligible ? 0x08 : 0) | extraFlags
        return Array(SHA256.hash(data: Array(rpID.utf8))) + [flags] + (0..<4).reversed().map { UInt8(truncatingIfNeeded: signCount >> (8 * $0)) }
    }

    // A little CBOR: the few shapes a COSE key and an attestation object need.
    private static func head(_ major: UInt8, _ value: Int) -> [UInt8] {
        value < 24 ? [major << 5 | UInt8(value)]
            : value < 256 ? [major << 5 | 24, UInt8(value)] : [major << 5 | 25, UInt8(value >> 8), UInt8(value & 0xFF)]
    }
    private static func integer(_ value: Int) -> [UInt8] { value >= 0 ? head(0, value) : head(1, -1 - value) }
    private static func bytes(_ value: [UInt8]) -> [UInt8] { head(2, value.count) + value }
    private static func text(_ value: String) -> [UInt8] { head(3, value.utf8.count) + Array(value.utf8) }
    private static func map(_ entries: [([UInt8], [UInt8])]) -> [UInt8] { head(5, entries.count) + entries.flatMap { $0.0 + $0.1 } }
}
