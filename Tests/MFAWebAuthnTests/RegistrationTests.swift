import Crypto
import MFAWebAuthn
import SwiftASN1
import Testing
import X509

/// Runs a registration and returns its error, or nil when it passed.
func registrationError(
    _ ceremony: Ceremony, _ authenticator: TestAuthenticator, response: RegistrationResponseJSON? = nil,
    relyingParty: RelyingParty? = nil, requireUserVerification: Bool = false
) -> WebAuthnError? {
    do {
        _ = try (relyingParty ?? ceremony.relyingParty).verifyRegistration(
            response ?? ceremony.registration(authenticator), expectedChallenge: ceremony.challenge,
            requireUserVerification: requireUserVerification)
        return nil
    } catch {
        return error
    }
}

@Suite("Registration")
struct RegistrationTests {
    static let authenticators: [TestAuthenticator] = [.es256(), .edDSA(), .rs256()]

    @Test("a none attestation of each algorithm registers", arguments: authenticators)
    func noneAttestation(_ authenticator: TestAuthenticator) throws {
        var ceremony = Ceremony()
        ceremony.signCount = 7
        ceremony.flags = 0x01 | 0x04 | 0x08 | 0x10
        let credential = try ceremony.relyingParty.verifyRegistration(
            ceremony.registration(authenticator), expectedChallenge: ceremony.challenge, requireUserVerification: true)
        #expect(credential.id == authenticator.credentialID)
        #expect(credential.publicKey == authenticator.coseKey)
        #expect(credential.algorithm.rawValue == authenticator.algorithm)
        #expect(credential.signCount == 7)
        #expect(credential.aaguid == authenticator.aaguid)
        #expect(credential.backupEligible && credential.backedUp && credential.userVerified)
        #expect(credential.attestationFormat == .none && credential.attestationType == .none)
        #expect(credential.transports == ["internal"])
    }

    @Test("a packed self attestation of each algorithm registers", arguments: authenticators)
    func packedSelf(_ authenticator: TestAuthenticator) throws {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let credential = try ceremony.relyingParty.verifyRegistration(
            ceremony.registration(authenticator), expectedChallenge: ceremony.challenge)
        #expect(credential.attestationFormat == .packed && credential.attestationType == .self)
    }

    // MARK: The envelope

    @Test("a credential type other than public-key is refused")
    func credentialType() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        var response = ceremony.registration(authenticator)
        response.type = "password"
        #expect(registrationError(ceremony, authenticator, response: response) == .credentialTypeNotPublicKey)
    }

    @Test("id and rawId must name the same credential")
    func idMismatch() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        var response = ceremony.registration(authenticator)
        response.id = Base64URL.encode(randomBytes(32))
        #expect(registrationError(ceremony, authenticator, response: response) == .credentialIDMismatch)
    }

    @Test("a padded id is accepted; a non-base64url one is refused")
    func idEncoding() {
        let ceremony = Ceremony()
        var authenticator = TestAuthenticator.es256()
        authenticator.credentialID = randomBytes(16)  // 22 characters unpadded, 24 padded
        var response = ceremony.registration(authenticator)
        response.id += "=="
        #expect(registrationError(ceremony, authenticator, response: response) == nil)
        response.rawId = response.rawId.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "+"
        #expect(registrationError(ceremony, authenticator, response: response) == .invalidBase64URL(field: "rawId"))
    }

    @Test("a credential id in the authenticator data other than rawId is refused")
    func credentialIDNotInAuthenticatorData() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        var response = ceremony.registration(authenticator)
        response.id = Base64URL.encode(randomBytes(32))
        response.rawId = response.id
        #expect(registrationError(ceremony, authenticator, response: response) == .credentialIDNotInAuthenticatorData)
    }

    // MARK: Client data

    @Test("client data that is not a JSON object with the fields is refused")
    func clientDataMalformed() {
        for json in ["", "[]", "{\"type\":\"webauthn.create\"}", "{\"type\":1,\"challenge\":\"AA\",\"origin\":\"x\"}"] {
            var ceremony = Ceremony()
            ceremony.clientDataJSONOverride = Array(json.utf8)
            #expect(registrationError(ceremony, .es256()) == .clientDataMalformed, "\(json)")
        }
    }

    @Test("client data of an assertion (webauthn.get) is refused")
    func clientDataType() {
        var ceremony = Ceremony()
        ceremony.clientDataType = "webauthn.get"
        #expect(registrationError(ceremony, .es256()) == .clientDataTypeMismatch)
    }

    @Test("another challenge is refused, as is one that is not base64url")
    func challenge() {
        var ceremony = Ceremony()
        ceremony.clientDataChallenge = Base64URL.encode(randomBytes(32))
        #expect(registrationError(ceremony, .es256()) == .challengeMismatch)
        ceremony.clientDataChallenge = Base64URL.encode(ceremony.challenge.dropLast())
        #expect(registrationError(ceremony, .es256()) == .challengeMismatch)
        ceremony.clientDataChallenge = "not base64url!"
        #expect(registrationError(ceremony, .es256()) == .invalidBase64URL(field: "clientDataJSON.challenge"))
    }

    @Test(
        "an origin that is not exactly an allowed one is refused",
        arguments: ["https://evil.example", "http://example.com", "https://example.com:443", "https://example.com/",
                    "https://sub.example.com", "https://EXAMPLE.com", "null"])
    func origin(_ origin: String) {
        var ceremony = Ceremony()
        ceremony.origin = origin
        #expect(registrationError(ceremony, .es256()) == .originNotAllowed)
    }

    @Test("any of several allowed origins is accepted")
    func severalOrigins() {
        var ceremony = Ceremony()
        ceremony.origin = "https://login.example.com"
        let relyingParty = RelyingParty(
            id: "example.com", name: "Example", origins: ["https://example.com", "https://login.example.com"])
        #expect(registrationError(ceremony, .es256(), relyingParty: relyingParty) == nil)
    }

    @Test("a cross-origin ceremony is refused; topOrigin alone is ignored")
    func crossOrigin() {
        var ceremony = Ceremony()
        ceremony.crossOrigin = true
        ceremony.topOrigin = "https://example.com"
        #expect(registrationError(ceremony, .es256()) == .crossOriginNotAllowed)
        ceremony.crossOrigin = false
        ceremony.topOrigin = "https://evil.example"
        #expect(registrationError(ceremony, .es256()) == nil)
        ceremony.crossOrigin = nil
        ceremony.topOrigin = nil
        #expect(registrationError(ceremony, .es256()) == nil)
    }

    // MARK: Authenticator data

    @Test("an RP ID hash of another relying party is refused")
    func rpIDHash() {
        var ceremony = Ceremony()
        ceremony.rpID = "evil.example"
        #expect(registrationError(ceremony, .es256()) == .rpIDHashMismatch)
    }

    @Test("user presence is required")
    func userPresence() {
        var ceremony = Ceremony()
        ceremony.flags = 0x04
        #expect(registrationError(ceremony, .es256()) == .userNotPresent)
    }

    @Test("user verification is required only when asked")
    func userVerification() {
        var ceremony = Ceremony()
        ceremony.flags = 0x01
        #expect(registrationError(ceremony, .es256(), requireUserVerification: true) == .userNotVerified)
        #expect(registrationError(ceremony, .es256(), requireUserVerification: false) == nil)
    }

    @Test("backed up without backup eligibility is refused")
    func backupFlags() {
        var ceremony = Ceremony()
        ceremony.flags = 0x01 | 0x10
        #expect(registrationError(ceremony, .es256()) == .backupStateWithoutEligibility)
        ceremony.flags = 0x01 | 0x08
        #expect(registrationError(ceremony, .es256()) == nil)
    }

    @Test("a registration without attested credential data is refused")
    func attestedCredentialDataMissing() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        let authData = ceremony.authenticatorData(authenticator, attested: false)
        let attestationObject = cbor(
            cborMap([(.text("fmt"), .text("none")), (.text("attStmt"), .map([])), (.text("authData"), .bytes(authData))]))
        var response = ceremony.registration(authenticator)
        response.response.attestationObject = Base64URL.encode(attestationObject)
        #expect(registrationError(ceremony, authenticator, response: response) == .attestedCredentialDataMissing)
    }

    @Test("extension outputs need the ED flag, and the ED flag needs them")
    func extensions() {
        var ceremony = Ceremony()
        ceremony.extensions = cbor(cborMap([(.text("credProtect"), int(2))]))
        #expect(registrationError(ceremony, .es256()) == nil)
        ceremony.extensions = []  // ED set, nothing follows
        #expect(registrationError(ceremony, .es256()) == .extensionDataInvalid)
        ceremony.extensions = cbor(int(2))  // ED set, not a map
        #expect(registrationError(ceremony, .es256()) == .extensionDataInvalid)
        ceremony.extensions = nil
        ceremony.trailingBytes = cbor(cborMap([(.text("credProtect"), int(2))]))  // a map without ED
        #expect(registrationError(ceremony, .es256()) == .authenticatorDataTrailingBytes)
    }

    @Test("bytes after the last announced part are refused")
    func trailingBytes() {
        var ceremony = Ceremony()
        ceremony.trailingBytes = [0x00]
        #expect(registrationError(ceremony, .es256()) == .authenticatorDataTrailingBytes)
        ceremony.extensions = cbor(.map([]))
        #expect(registrationError(ceremony, .es256()) == .authenticatorDataTrailingBytes)
    }

    // MARK: The credential key

    @Test("a credential key out of canonical order is refused")
    func coseKeyOrder() {
        var ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        guard case .map(let entries) = authenticator.coseKeyValue else { return }
        ceremony.coseKeyOverride = cbor(.map(entries.reversed()))
        #expect(registrationError(ceremony, authenticator) == .publicKeyMalformed)
    }

    @Test("an algorithm the relying party does not accept is refused")
    func algorithmNotAccepted() {
        let ceremony = Ceremony()
        let relyingParty = RelyingParty(id: "example.com", name: "Example", origins: ["https://example.com"], algorithms: [.es256])
        #expect(registrationError(ceremony, .edDSA(), relyingParty: relyingParty) == .publicKeyAlgorithmNotSupported)
        #expect(registrationError(ceremony, .rs256(), relyingParty: relyingParty) == .publicKeyAlgorithmNotSupported)
    }

    // MARK: The attestation object

    @Test("an attestation object that is not canonical CBOR is refused")
    func attestationObjectCBOR() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        var response = ceremony.registration(authenticator)
        var bytes = Base64URL.decode(response.response.attestationObject)!
        bytes[0] = 0xBF  // indefinite-length map
        bytes.append(0xFF)
        response.response.attestationObject = Base64URL.encode(bytes)
        #expect(registrationError(ceremony, authenticator, response: response) == .attestationObjectMalformed(.indefiniteLength))
    }

    @Test("an attestation object with missing or extra members is refused")
    func attestationObjectStructure() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        let authData = ceremony.authenticatorData(authenticator, attested: true)
        let variants: [CBORValue] = [
            cborMap([(.text("fmt"), .text("none")), (.text("authData"), .bytes(authData))]),
            cborMap([(.text("fmt"), .text("none")), (.text("attStmt"), .map([])), (.text("authData"), .bytes(authData)), (.text("x"), int(1))]),
            cborMap([(.text("fmt"), .text("none")), (.text("attStmt"), .array([])), (.text("authData"), .bytes(authData))]),
            cborMap([(.text("fmt"), .text("none")), (.text("attStmt"), .map([])), (.text("authData"), .text("x"))]),
            .array([]),
        ]
        for variant in variants {
            var response = ceremony.registration(authenticator)
            response.response.attestationObject = Base64URL.encode(cbor(variant))
            #expect(registrationError(ceremony, authenticator, response: response) == .attestationObjectStructureInvalid)
        }
    }

    @Test("formats other than none and packed are refused")
    func unsupportedFormat() {
        var ceremony = Ceremony()
        ceremony.format = "fido-u2f"
        #expect(registrationError(ceremony, .es256()) == .attestationFormatNotSupported)
    }

    @Test("a none attestation with a statement is refused")
    func noneWithStatement() {
        var ceremony = Ceremony()
        ceremony.attestationStatement = cborMap([(.text("alg"), int(-7))])
        #expect(registrationError(ceremony, .es256()) == .attestationStatementMalformed)
    }

    // MARK: Packed self attestation

    @Test("packed self attestation: the alg must be the credential key's")
    func packedSelfAlgorithm() {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let authenticator = TestAuthenticator.es256()
        let signature = authenticator.sign(
            ceremony.authenticatorData(authenticator, attested: true) + sha256(ceremony.clientDataJSON(type: "webauthn.create")))
        ceremony.attestationStatement = cborMap([(.text("alg"), int(-8)), (.text("sig"), .bytes(signature))])
        #expect(registrationError(ceremony, authenticator) == .attestationAlgorithmMismatch)
    }

    @Test("packed self attestation: a signature by another key is refused")
    func packedSelfSignature() {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let authenticator = TestAuthenticator.es256()
        let signature = TestAuthenticator.es256().sign(
            ceremony.authenticatorData(authenticator, attested: true) + sha256(ceremony.clientDataJSON(type: "webauthn.create")))
        ceremony.attestationStatement = cborMap([(.text("alg"), int(-7)), (.text("sig"), .bytes(signature))])
        #expect(registrationError(ceremony, authenticator) == .attestationSignatureInvalid)
    }

    @Test("packed: a statement with unknown members, or without alg or sig, is refused")
    func packedStatementShape() {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        for statement in [
            cborMap([(.text("alg"), int(-7)), (.text("sig"), .bytes([1])), (.text("ecdaaKeyId"), .bytes([1]))]),
            cborMap([(.text("sig"), .bytes([1]))]),
            cborMap([(.text("alg"), int(-7))]),
            cborMap([(.text("alg"), int(-7)), (.text("sig"), .bytes([1])), (.text("x5c"), .array([]))]),
            cborMap([(.text("alg"), int(-7)), (.text("sig"), .bytes([1])), (.text("x5c"), .bytes([1]))]),
        ] {
            ceremony.attestationStatement = statement
            #expect(registrationError(ceremony, .es256()) == .attestationStatementMalformed)
        }
    }

    // MARK: Packed with a certificate

    func x5cError(
        options: TestCertificates.Options = .init(), alg: Int = -7, signer: P256.Signing.PrivateKey? = nil,
        leaf: [UInt8]? = nil
    ) -> (WebAuthnError?, TestAuthenticator) {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let authenticator = TestAuthenticator.es256()
        let attestationKey = P256.Signing.PrivateKey()
        var options = options
        if options.aaguidExtension == nil { options.aaguidExtension = TestCertificates.aaguidExtension(authenticator.aaguid) }
        let leafBytes = leaf ?? TestCertificates.leaf(for: attestationKey, options: options)
        ceremony.attestationStatement = ceremony.packedX5CStatement(
            authenticator, attestationKey: signer ?? attestationKey, leaf: leafBytes, alg: alg)
        return (registrationError(ceremony, authenticator), authenticator)
    }

    @Test("packed x5c: a certificate meeting §8.2.1 that signed the data is accepted as unverified")
    func packedX5C() throws {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let authenticator = TestAuthenticator.es256()
        let attestationKey = P256.Signing.PrivateKey()
        var options = TestCertificates.Options()
        options.aaguidExtension = TestCertificates.aaguidExtension(authenticator.aaguid)
        ceremony.attestationStatement = ceremony.packedX5CStatement(
            authenticator, attestationKey: attestationKey, leaf: TestCertificates.leaf(for: attestationKey, options: options))
        let credential = try ceremony.relyingParty.verifyRegistration(
            ceremony.registration(authenticator), expectedChallenge: ceremony.challenge)
        #expect(credential.attestationType == .unverifiedCertificate)
        #expect(x5cError().0 == nil)
    }

    @Test("packed x5c: a signature by a key other than the certificate's is refused")
    func packedX5CSignature() {
        #expect(x5cError(signer: P256.Signing.PrivateKey()).0 == .attestationSignatureInvalid)
    }

    @Test("packed x5c: an alg that does not fit the certificate key is refused")
    func packedX5CAlgorithm() {
        #expect(x5cError(alg: -257).0 == .attestationAlgorithmMismatch)
        #expect(x5cError(alg: -8).0 == .attestationAlgorithmMismatch)
        #expect(x5cError(alg: -65535).0 == .attestationAlgorithmMismatch)
    }

    @Test("packed x5c: a leaf that is not X.509 is refused")
    func packedX5CMalformed() {
        #expect(x5cError(leaf: [0x30, 0x03, 0x02, 0x01, 0x01]).0 == .attestationCertificateInvalid(.malformed))
    }

    @Test("packed x5c: the leaf must be version 3")
    func packedX5CVersion() {
        var options = TestCertificates.Options()
        options.version = .v1
        options.basicConstraints = nil
        options.aaguidExtension = nil
        let attestationKey = P256.Signing.PrivateKey()
        let v1 = TestCertificates.leaf(for: attestationKey, options: options)  // no extensions: version 1 has none
        #expect(x5cError(signer: attestationKey, leaf: v1).0 == .attestationCertificateInvalid(.notVersion3))
    }

    @Test("packed x5c: the subject OU must be Authenticator Attestation")
    func packedX5CSubject() {
        var options = TestCertificates.Options()
        options.organizationalUnit = "Authenticator"
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.subjectInvalid))
    }

    @Test("packed x5c: basic constraints must be present and say not a CA")
    func packedX5CBasicConstraints() throws {
        var options = TestCertificates.Options()
        options.basicConstraints = try Certificate.Extension(BasicConstraints.isCertificateAuthority(maxPathLength: nil), critical: true)
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.basicConstraintsInvalid))
        options.basicConstraints = nil
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.basicConstraintsInvalid))
    }

    @Test("packed x5c: basic constraints with an explicit CA FALSE (Chromium) are accepted")
    func packedX5CExplicitFalse() {
        var options = TestCertificates.Options()
        options.basicConstraints = Certificate.Extension(
            oid: .X509ExtensionID.basicConstraints, critical: true, value: [0x30, 0x03, 0x01, 0x01, 0x00])
        #expect(x5cError(options: options).0 == nil)
        options.basicConstraints = Certificate.Extension(
            oid: .X509ExtensionID.basicConstraints, critical: true, value: [0x30, 0x03, 0x01, 0x01, 0xFF])
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.basicConstraintsInvalid))
    }

    @Test("packed x5c: an AAGUID extension must match and not be critical")
    func packedX5CAAGUID() {
        var options = TestCertificates.Options()
        options.aaguidExtension = TestCertificates.aaguidExtension(randomBytes(16))
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.aaguidMismatch))
        options.aaguidExtension = TestCertificates.aaguidExtension(randomBytes(15))
        #expect(x5cError(options: options).0 == .attestationCertificateInvalid(.aaguidMismatch))
    }

    @Test("packed x5c: a critical AAGUID extension is refused")
    func packedX5CAAGUIDCritical() {
        var ceremony = Ceremony()
        ceremony.format = "packed"
        let authenticator = TestAuthenticator.es256()
        let attestationKey = P256.Signing.PrivateKey()
        var options = TestCertificates.Options()
        options.aaguidExtension = TestCertificates.aaguidExtension(authenticator.aaguid, critical: true)
        ceremony.attestationStatement = ceremony.packedX5CStatement(
            authenticator, attestationKey: attestationKey, leaf: TestCertificates.leaf(for: attestationKey, options: options))
        #expect(registrationError(ceremony, authenticator) == .attestationCertificateInvalid(.aaguidMismatch))
    }
}

extension TestAuthenticator: CustomTestStringConvertible {
    var testDescription: String {
        switch key {
        case .p256: "ES256"
        case .ed25519: "EdDSA"
        case .rsa: "RS256"
        }
    }
}
