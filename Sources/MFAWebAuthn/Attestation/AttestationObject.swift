/// The attestation statement formats this verifier understands (WebAuthn §8).
public enum AttestationFormat: String, Sendable, Hashable, Codable {
    /// No attestation (`none`): what browsers send when the relying party asks for none.
    case none
    /// Packed attestation (`packed`, §8.2), self or with a certificate.
    case packed
}

/// What an attestation statement vouches for (WebAuthn §6.5.4).
public enum AttestationType: String, Sendable, Hashable, Codable {
    /// No attestation: nothing is known of the authenticator beyond its own claims.
    case none
    /// Self attestation: the credential key signed its own creation; proves possession only.
    case `self`
    /// An attestation certificate (Basic or AttCA) signed the creation. The certificate
    /// meets WebAuthn §8.2.1, but its chain is not checked against any trust anchor:
    /// this says which model the authenticator claims to be, not that it is one.
    case unverifiedCertificate
}

/// A decoded attestation object (WebAuthn §6.5.4): a CBOR map of exactly `fmt`,
/// `attStmt` and `authData`.
struct AttestationObject {
    var format: String
    var statement: CBORValue
    var authenticatorData: AuthenticatorData

    static let limits = CBORDecoder.Limits(maximumInputSize: maximumSize, maximumDepth: 8, maximumCollectionCount: 64)

    /// The largest attestation object accepted (certificate chains make up most of it).
    static let maximumSize = 32 * 1024

    init(bytes: [UInt8]) throws(WebAuthnError) {
        let value: CBORValue
        do {
            value = try CBORDecoder(limits: Self.limits).decode(bytes)
        } catch {
            throw .attestationObjectMalformed(error)
        }
        guard let entries = value.mapEntries, entries.count == 3,
            case .text(let format) = value["fmt"],
            let statement = value["attStmt"], statement.mapEntries != nil,
            case .bytes(let authenticatorData) = value["authData"]
        else { throw .attestationObjectStructureInvalid }
        self.format = format
        self.statement = statement
        self.authenticatorData = try AuthenticatorData(bytes: authenticatorData)
    }
}
