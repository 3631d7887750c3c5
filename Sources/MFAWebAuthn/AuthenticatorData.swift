/// Authenticator data (WebAuthn §6.1): what the authenticator signs about itself.
///
/// Parsing is strict: the 37 fixed bytes, then attested credential data exactly when
/// the AT flag is set, then one CBOR map of extension outputs exactly when the ED flag
/// is set, and nothing after that.
public struct AuthenticatorData: Sendable, Hashable {
    /// The flags byte (WebAuthn §6.1, "flags").
    public struct Flags: OptionSet, Sendable, Hashable {
        /// The raw flags byte.
        public let rawValue: UInt8
        /// Makes flags from the raw byte.
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// UP, bit 0: the user was present.
        public static let userPresent = Flags(rawValue: 0x01)
        /// UV, bit 2: the user was verified (PIN, biometrics).
        public static let userVerified = Flags(rawValue: 0x04)
        /// BE, bit 3: the credential may be backed up (a synced passkey).
        public static let backupEligible = Flags(rawValue: 0x08)
        /// BS, bit 4: the credential is backed up now.
        public static let backedUp = Flags(rawValue: 0x10)
        /// AT, bit 6: attested credential data follows.
        public static let attestedCredentialData = Flags(rawValue: 0x40)
        /// ED, bit 7: extension outputs follow.
        public static let extensionData = Flags(rawValue: 0x80)
    }

    /// The part of registration authenticator data that describes the new credential.
    public struct AttestedCredentialData: Sendable, Hashable {
        /// The authenticator model's AAGUID (16 bytes; all zero when not disclosed).
        public let aaguid: [UInt8]
        /// The credential id (1 to 1023 bytes).
        public let credentialID: [UInt8]
        /// The credential public key as COSE_Key bytes.
        public let credentialPublicKey: [UInt8]
    }

    /// The longest credential id WebAuthn allows (§6.5.1, `credentialIdLength`).
    public static let maximumCredentialIDLength = 1023

    /// SHA-256 of the RP id the authenticator scoped the credential to.
    public let rpIDHash: [UInt8]
    /// The flags.
    public let flags: Flags
    /// The signature counter (0 when the authenticator keeps none).
    public let signCount: UInt32
    /// The attested credential data, present exactly when the AT flag is set.
    public let attestedCredentialData: AttestedCredentialData?
    /// The extension outputs (one CBOR map), present exactly when the ED flag is set.
    public let extensions: CBORValue?
    /// The bytes as received, over which signatures are made.
    public let bytes: [UInt8]

    /// Parses authenticator data.
    ///
    /// - Throws: ``WebAuthnError/authenticatorDataTruncated``,
    ///   ``WebAuthnError/credentialIDLengthInvalid``, ``WebAuthnError/publicKeyMalformed``
    ///   (the COSE key is not canonical CBOR), ``WebAuthnError/extensionDataInvalid``,
    ///   ``WebAuthnError/authenticatorDataTrailingBytes``.
    public init(bytes: [UInt8]) throws(WebAuthnError) {
        guard bytes.count >= 37 else { throw .authenticatorDataTruncated }
        guard bytes.count <= Self.maximumSize else { throw .fieldTooLarge(field: "authenticatorData") }
        self.bytes = bytes
        rpIDHash = Array(bytes[0..<32])
        flags = Flags(rawValue: bytes[32])
        signCount = UInt32(bytes[33]) << 24 | UInt32(bytes[34]) << 16 | UInt32(bytes[35]) << 8 | UInt32(bytes[36])
        var offset = 37

        if flags.contains(.attestedCredentialData) {
            guard bytes.count >= offset + 18 else { throw .authenticatorDataTruncated }
            let aaguid = Array(bytes[offset..<offset + 16])
            let idLength = Int(bytes[offset + 16]) << 8 | Int(bytes[offset + 17])
            offset += 18
            guard (1...Self.maximumCredentialIDLength).contains(idLength) else { throw .credentialIDLengthInvalid }
            guard bytes.count >= offset + idLength else { throw .authenticatorDataTruncated }
            let credentialID = Array(bytes[offset..<offset + idLength])
            offset += idLength
            guard offset < bytes.count else { throw .authenticatorDataTruncated }
            let keyLength: Int
            do {
                (_, keyLength) = try CBORDecoder(limits: Self.credentialKeyLimits).decodeItem(in: bytes, at: offset)
            } catch .truncated, .lengthExceedsInput {
                throw .authenticatorDataTruncated
            } catch {
                throw .publicKeyMalformed
            }
            attestedCredentialData = AttestedCredentialData(
                aaguid: aaguid, credentialID: credentialID, credentialPublicKey: Array(bytes[offset..<offset + keyLength]))
            offset += keyLength
        } else {
            attestedCredentialData = nil
        }

        if flags.contains(.extensionData) {
            guard offset < bytes.count else { throw .extensionDataInvalid }
            do {
                let (value, length) = try CBORDecoder(limits: Self.extensionLimits).decodeItem(in: bytes, at: offset)
                guard value.mapEntries != nil else { throw WebAuthnError.extensionDataInvalid }
                extensions = value
                offset += length
            } catch {
                throw .extensionDataInvalid
            }
        } else {
            extensions = nil
        }

        // Without ED, this also refuses an extensions map the flags do not announce.
        guard offset == bytes.count else { throw .authenticatorDataTrailingBytes }
    }

    /// The largest authenticator data accepted (WebAuthn sets no limit; real ones are a few hundred bytes).
    public static let maximumSize = 16 * 1024

    static let extensionLimits = CBORDecoder.Limits(maximumInputSize: maximumSize, maximumDepth: 8)

    /// The limits of ``CredentialPublicKey`` except for size: here the decoder's input
    /// runs to the end of the authenticator data, extensions included.
    static let credentialKeyLimits: CBORDecoder.Limits = {
        var limits = CredentialPublicKey.decodingLimits
        limits.maximumInputSize = maximumSize
        return limits
    }()
}
