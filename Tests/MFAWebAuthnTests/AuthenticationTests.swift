import Crypto
import MFAWebAuthn
import Testing

/// Runs an authentication and returns its error, or nil when it passed.
func authenticationError(
    _ ceremony: Ceremony, _ response: AuthenticationResponseJSON, _ credential: StoredCredential,
    requireUserVerification: Bool = false
) -> WebAuthnError? {
    do {
        _ = try ceremony.relyingParty.verifyAuthentication(
            response, expectedChallenge: ceremony.challenge, credential: credential,
            requireUserVerification: requireUserVerification)
        return nil
    } catch {
        return error
    }
}

@Suite("Authentication")
struct AuthenticationTests {
    @Test("an assertion of each algorithm verifies", arguments: RegistrationTests.authenticators)
    func verifies(_ authenticator: TestAuthenticator) throws {
        var ceremony = Ceremony()
        ceremony.signCount = 42
        ceremony.flags = 0x01 | 0x04 | 0x08 | 0x10
        let userHandle = randomBytes(16)
        var stored = ceremony.stored(authenticator, signCount: 41, backupEligible: true)
        stored.userHandle = userHandle
        let result = try ceremony.relyingParty.verifyAuthentication(
            ceremony.assertion(authenticator, userHandle: userHandle), expectedChallenge: ceremony.challenge,
            credential: stored, requireUserVerification: true)
        #expect(result.credentialID == authenticator.credentialID)
        #expect(result.newSignCount == 42)
        #expect(result.userVerified && result.backedUp && result.backupEligible)
        #expect(result.userHandle == userHandle)
    }

    @Test("a registered credential round-trips into a stored one")
    func registrationThenAuthentication() throws {
        var ceremony = Ceremony()
        let authenticator = TestAuthenticator.edDSA()
        let registered = try ceremony.relyingParty.verifyRegistration(
            ceremony.registration(authenticator), expectedChallenge: ceremony.challenge)
        ceremony.challenge = randomBytes(32)
        let stored = StoredCredential(
            id: registered.id, publicKey: registered.publicKey, signCount: registered.signCount,
            backupEligible: registered.backupEligible)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), stored) == nil)
    }

    @Test("the credential must be the stored one, named alike in id and rawId")
    func credentialIdentity() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        let other = TestAuthenticator.es256()
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(other)) == .credentialNotRecognized)
        var response = ceremony.assertion(authenticator)
        response.id = Base64URL.encode(other.credentialID)
        #expect(authenticationError(ceremony, response, ceremony.stored(authenticator)) == .credentialIDMismatch)
        response = ceremony.assertion(authenticator)
        response.type = "public-key "
        #expect(authenticationError(ceremony, response, ceremony.stored(authenticator)) == .credentialTypeNotPublicKey)
    }

    @Test("a user handle other than the stored one is refused; an absent one is not")
    func userHandle() {
        let ceremony = Ceremony()
        let authenticator = TestAuthenticator.es256()
        var stored = ceremony.stored(authenticator)
        stored.userHandle = randomBytes(16)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator, userHandle: randomBytes(16)), stored) == .userHandleMismatch)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator, userHandle: stored.userHandle), stored) == nil)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), stored) == nil)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator, userHandle: randomBytes(65)), stored) == .fieldTooLarge(field: "userHandle"))
    }

    @Test("client data of a registration (webauthn.create) is refused")
    func clientDataType() {
        var ceremony = Ceremony()
        ceremony.clientDataType = "webauthn.create"
        let authenticator = TestAuthenticator.es256()
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .clientDataTypeMismatch)
    }

    @Test("another challenge, origin or a cross-origin ceremony is refused")
    func clientDataChecks() {
        let authenticator = TestAuthenticator.es256()
        var ceremony = Ceremony()
        ceremony.clientDataChallenge = Base64URL.encode(randomBytes(32))
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .challengeMismatch)
        ceremony = Ceremony()
        ceremony.origin = "https://example.com.evil.example"
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .originNotAllowed)
        ceremony = Ceremony()
        ceremony.crossOrigin = true
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .crossOriginNotAllowed)
    }

    @Test("the RP ID hash, UP, UV when required and the backup flags are checked")
    func flags() {
        let authenticator = TestAuthenticator.es256()
        var ceremony = Ceremony()
        ceremony.rpID = "example.org"
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .rpIDHashMismatch)
        ceremony = Ceremony()
        ceremony.flags = 0x04
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .userNotPresent)
        ceremony.flags = 0x01
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator), requireUserVerification: true) == .userNotVerified)
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == nil)
        ceremony.flags = 0x01 | 0x10
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator)) == .backupStateWithoutEligibility)
    }

    @Test("backup eligibility may not change after registration")
    func backupEligibility() {
        let authenticator = TestAuthenticator.es256()
        var ceremony = Ceremony()
        ceremony.flags = 0x01 | 0x08
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator, backupEligible: false)) == .backupEligibilityChanged)
        ceremony.flags = 0x01
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator, backupEligible: true)) == .backupEligibilityChanged)
    }

    @Test("attested credential data in an assertion is refused")
    func attestedDataInAssertion() {
        let authenticator = TestAuthenticator.es256()
        let ceremony = Ceremony()
        let clientDataJSON = ceremony.clientDataJSON(type: "webauthn.get")
        let authData = ceremony.authenticatorData(authenticator, attested: true)
        var response = ceremony.assertion(authenticator)
        response.response.authenticatorData = Base64URL.encode(authData)
        response.response.signature = Base64URL.encode(authenticator.sign(authData + sha256(clientDataJSON)))
        #expect(authenticationError(ceremony, response, ceremony.stored(authenticator)) == .attestedCredentialDataUnexpected)
    }

    @Test("a signature by another key, or over other data, is refused", arguments: RegistrationTests.authenticators)
    func signature(_ authenticator: TestAuthenticator) {
        let ceremony = Ceremony()
        let stored = ceremony.stored(authenticator)
        let impostor: TestAuthenticator =
            switch authenticator.key {
            case .p256: .es256()
            case .ed25519: .edDSA()
            case .rsa: TestAuthenticator(key: .rsa(TestKeys.otherRSA))
            }
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator, signer: impostor), stored) == .signatureInvalid)
        // Tampered authenticator data (the counter) after signing.
        var response = ceremony.assertion(authenticator)
        var authData = Base64URL.decode(response.response.authenticatorData)!
        authData[36] ^= 1
        response.response.authenticatorData = Base64URL.encode(authData)
        #expect(authenticationError(ceremony, response, stored) == .signatureInvalid)
        // A signature that is not even the right shape.
        response = ceremony.assertion(authenticator)
        response.response.signature = Base64URL.encode([0x30, 0x00])
        #expect(authenticationError(ceremony, response, stored) == .signatureInvalid)
    }

    @Test("an ES256 signature in raw r‖s form instead of DER is refused")
    func rawECDSASignature() throws {
        let privateKey = P256.Signing.PrivateKey()
        let authenticator = TestAuthenticator(key: .p256(privateKey))
        let ceremony = Ceremony()
        var response = ceremony.assertion(authenticator)
        let signed = Base64URL.decode(response.response.authenticatorData)! + sha256(ceremony.clientDataJSON(type: "webauthn.get"))
        response.response.signature = Base64URL.encode(Array(try privateKey.signature(for: signed).rawRepresentation))
        #expect(authenticationError(ceremony, response, ceremony.stored(authenticator)) == .signatureInvalid)
    }

    @Test(
        "the counter must grow unless it stays 0",
        arguments: [
            (stored: UInt32(0), new: UInt32(0), accepted: true), (0, 1, true), (5, 6, true), (5, 5, false),
            (5, 4, false), (5, 0, false), (UInt32.max - 1, UInt32.max, true), (UInt32.max, 0, false),
        ])
    func counter(stored: UInt32, new: UInt32, accepted: Bool) {
        let authenticator = TestAuthenticator.es256()
        var ceremony = Ceremony()
        ceremony.signCount = new
        let error = authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator, signCount: stored))
        #expect(error == (accepted ? nil : .signCountNotIncreased))
    }

    @Test("a stored key that is not a COSE key is refused")
    func storedKey() {
        let authenticator = TestAuthenticator.es256()
        let ceremony = Ceremony()
        var stored = ceremony.stored(authenticator)
        stored.publicKey = [0xA0]
        #expect(authenticationError(ceremony, ceremony.assertion(authenticator), stored) == .publicKeyMalformed)
    }

    @Test("error descriptions never echo the response")
    func descriptions() {
        var ceremony = Ceremony()
        ceremony.origin = "https://secret-origin.example"
        let authenticator = TestAuthenticator.es256()
        let error = authenticationError(ceremony, ceremony.assertion(authenticator), ceremony.stored(authenticator))
        #expect(error == .originNotAllowed)
        #expect(!(error?.description.contains("secret") ?? true))
    }
}
