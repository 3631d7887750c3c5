import Foundation
import MFAWebAuthn
import Testing

/// Registration and authentication responses of real authenticators, from py_webauthn's
/// test suite (https://github.com/duo-labs/py_webauthn, BSD-3-Clause, Copyright (c)
/// 2017-2021 Duo Security, Inc.), with py_webauthn's own verdicts. See
/// Vectors/extract_py_webauthn_vectors.py for how they were taken.
struct PyWebauthnVector: Decodable, Sendable, CustomTestStringConvertible {
    struct Expected: Decodable, Sendable {
        var valid: Bool
        var format: String?
        var aaguid: String?
        var credentialID: String?
        var credentialPublicKey: String?
        var signCount: UInt32?
        var newSignCount: UInt32?
        var backedUp: Bool?
        var userVerified: Bool?
    }

    var source: String
    var kind: String
    var credential: JSONValue
    var challenge: String
    var rpID: String
    var origins: [String]
    var requireUserVerification: Bool
    var credentialPublicKey: String?
    var storedSignCount: UInt32?
    var expected: Expected

    var testDescription: String { String(source.split(separator: ":").last ?? "") }

    static let all: [PyWebauthnVector] = {
        struct File: Decodable { var vectors: [PyWebauthnVector] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Vectors/py_webauthn-vectors.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vectors
    }()

    var relyingParty: RelyingParty { RelyingParty(id: rpID, name: "py_webauthn", origins: origins) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: JSONEncoder().encode(credential))
    }
}

@Suite("py_webauthn's real-authenticator vectors")
struct PyWebauthnVectorTests {
    static let registrations = PyWebauthnVector.all.filter { $0.kind == "registration" }
    static let authentications = PyWebauthnVector.all.filter { $0.kind == "authentication" }

    @Test("the fixture holds none, packed x5c (ES256 and Ed25519 credentials) and ES256, RS256, EdDSA assertions")
    func coverage() {
        #expect(Self.registrations.count == 3)
        #expect(Set(Self.registrations.compactMap(\.expected.format)) == ["none", "packed"])
        #expect(Self.authentications.count == 6)
    }

    @Test("registrations verify as py_webauthn verified them", arguments: registrations)
    func registration(_ vector: PyWebauthnVector) throws {
        let response = try vector.decoded(RegistrationResponseJSON.self)
        let credential = try vector.relyingParty.verifyRegistration(
            response, expectedChallenge: Base64URL.decode(vector.challenge)!,
            requireUserVerification: vector.requireUserVerification)
        #expect(credential.attestationFormat.rawValue == vector.expected.format)
        #expect(credential.aaguidString == vector.expected.aaguid)
        #expect(Base64URL.encode(credential.id) == vector.expected.credentialID)
        #expect(Base64URL.encode(credential.publicKey) == vector.expected.credentialPublicKey)
        #expect(credential.signCount == vector.expected.signCount)
        #expect(credential.backedUp == vector.expected.backedUp)
        #expect(credential.userVerified == vector.expected.userVerified)
        #expect(credential.attestationType == (credential.attestationFormat == .packed ? .unverifiedCertificate : .none))
    }

    @Test("registrations are refused for another origin, challenge or RP id", arguments: registrations)
    func registrationTampered(_ vector: PyWebauthnVector) throws {
        let response = try vector.decoded(RegistrationResponseJSON.self)
        let challenge = Base64URL.decode(vector.challenge)!
        let otherOrigin = RelyingParty(id: vector.rpID, name: "x", origins: ["https://elsewhere.example"])
        #expect(throws: WebAuthnError.originNotAllowed) { try otherOrigin.verifyRegistration(response, expectedChallenge: challenge) }
        #expect(throws: WebAuthnError.challengeMismatch) {
            try vector.relyingParty.verifyRegistration(response, expectedChallenge: challenge.reversed())
        }
        let otherID = RelyingParty(id: "example.com", name: "x", origins: vector.origins)
        #expect(throws: WebAuthnError.rpIDHashMismatch) { try otherID.verifyRegistration(response, expectedChallenge: challenge) }
    }

    @Test("assertions get py_webauthn's verdict", arguments: authentications)
    func authentication(_ vector: PyWebauthnVector) throws {
        let response = try vector.decoded(AuthenticationResponseJSON.self)
        // py_webauthn keeps no backup eligibility; take the assertion's own.
        let flags = Base64URL.decode(response.response.authenticatorData)![32]
        let stored = StoredCredential(
            id: Base64URL.decode(response.rawId)!, publicKey: Base64URL.decode(vector.credentialPublicKey!)!,
            signCount: vector.storedSignCount!, backupEligible: flags & 0x08 != 0)
        let verify = {
            try vector.relyingParty.verifyAuthentication(
                response, expectedChallenge: Base64URL.decode(vector.challenge)!, credential: stored,
                requireUserVerification: vector.requireUserVerification)
        }
        if vector.expected.valid {
            let result = try verify()
            #expect(result.newSignCount == vector.expected.newSignCount)
            #expect(result.userVerified == vector.expected.userVerified)
            #expect(result.backedUp == vector.expected.backedUp)
        } else {
            #expect(throws: WebAuthnError.self) { try verify() }
        }
    }

    @Test("py_webauthn's refusals are refused for the same reason")
    func refusalReasons() throws {
        for (name, reason) in [("incorrect_public_key", WebAuthnError.signatureInvalid), ("uv_required_but_false", .userNotVerified)] {
            let vector = try #require(Self.authentications.first { $0.source.hasSuffix(name) })
            let response = try vector.decoded(AuthenticationResponseJSON.self)
            let stored = StoredCredential(
                id: Base64URL.decode(response.rawId)!, publicKey: Base64URL.decode(vector.credentialPublicKey!)!,
                signCount: vector.storedSignCount!, backupEligible: false)
            #expect(throws: reason) {
                try vector.relyingParty.verifyAuthentication(
                    response, expectedChallenge: Base64URL.decode(vector.challenge)!, credential: stored,
                    requireUserVerification: vector.requireUserVerification)
            }
        }
    }

    @Test("a valid assertion is refused once its counter is stored", arguments: authentications.filter(\.expected.valid))
    func replayedCounter(_ vector: PyWebauthnVector) throws {
        let response = try vector.decoded(AuthenticationResponseJSON.self)
        let flags = Base64URL.decode(response.response.authenticatorData)![32]
        let stored = StoredCredential(
            id: Base64URL.decode(response.rawId)!, publicKey: Base64URL.decode(vector.credentialPublicKey!)!,
            signCount: vector.expected.newSignCount!, backupEligible: flags & 0x08 != 0)
        #expect(throws: WebAuthnError.signCountNotIncreased) {
            try vector.relyingParty.verifyAuthentication(
                response, expectedChallenge: Base64URL.decode(vector.challenge)!, credential: stored,
                requireUserVerification: vector.requireUserVerification)
        }
    }
}
