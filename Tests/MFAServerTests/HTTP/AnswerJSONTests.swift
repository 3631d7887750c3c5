import Foundation
import MFAFormats
import MFAWebAuthn
import Testing
@testable import MFACore
@testable import MFAServerKit

/// Every kind of JSON answer is written byte for byte as Foundation's
/// encoder, which answers used before, wrote it with sorted keys and
/// unescaped slashes: clients that compare or sign answers see no change.
@Suite struct AnswerJSONTests {
    private static let awkward = "Zoë \"Ada\" \\ O'Brien/😀\n\t\u{1}"
    private static let date = Date(timeIntervalSince1970: 1_795_615_387)

    /// The bytes ``Response/json(_:status:contentType:)`` answers with, as Foundation writes them.
    private static func expectFoundationBytes(_ body: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try JSONText.encode(body), as: UTF8.self) == String(decoding: try encoder.encode(body), as: UTF8.self))
    }

    @Test func acknowledgementsProblemsAndHealth() throws {
        try Self.expectFoundationBytes(DetailBody(detail: Self.awkward))
        try Self.expectFoundationBytes(HealthBody(status: "ok"))
        try Self.expectFoundationBytes(ProblemBody(MFAError.invalidFields([
            .init(field: .email, message: Self.awkward), .init(field: .password, message: "short"),
        ])))
        try Self.expectFoundationBytes(ProblemBody(MFAError.rateLimited(retryAfterSeconds: 30)))
    }

    @Test func enrollmentsLoginsAndProfiles() throws {
        let enrollment = Enrollment(
            email: "ada@example.com", secret: "JBSWY3DPEHPK3PXP", otpauthURI: "otpauth://totp/MFA:ada%40example.com?secret=JBSWY3DPEHPK3PXP",
            algorithm: .sha1, digits: 6, period: 30, recoveryCodes: ["abcd-efgh", "ijkl-mnop"]
        )
        try Self.expectFoundationBytes(EnrollmentBody(detail: "Account created.", includingEmail: true, enrollment: enrollment))
        try Self.expectFoundationBytes(EnrollmentBody(detail: "New authenticator.", includingEmail: false, enrollment: enrollment))
        try Self.expectFoundationBytes(RecoveryCodesBody(recoveryCodes: enrollment.recoveryCodes))
        for lastLogin in [nil, Self.date] {
            for remaining in [nil, 3] {
                try Self.expectFoundationBytes(LoginBody(result: LoginResult(
                    email: "ada@example.com", lastLogin: lastLogin, sessionToken: "tok_en-1", expiresAt: Self.date, recoveryCodesRemaining: remaining
                )))
            }
            for fullName in [nil, Self.awkward] {
                try Self.expectFoundationBytes(ProfileBody(profile: AccountProfile(
                    email: "ada@example.com", fullName: fullName, createdAt: Self.date, lastLogin: lastLogin
                )))
            }
        }
    }

    @Test func passkeysAndTheirCeremonies() throws {
        let passkeys = [
            PasskeySummary(id: "p1", name: Self.awkward, createdAt: Self.date, lastUsedAt: nil),
            PasskeySummary(id: "p2", name: "Key", createdAt: Self.date, lastUsedAt: Self.date),
        ]
        try Self.expectFoundationBytes(PasskeyListBody(passkeys))
        try Self.expectFoundationBytes(PasskeyBody(passkey: passkeys[0], includesLastUse: false))
        let creation = try JSONDecoder().decode(PublicKeyCredentialCreationOptionsJSON.self, from: Data("""
            {"rp": {"id": "localhost", "name": "MFA"}, "user": {"id": "AAEC", "name": "ada@example.com", "displayName": "Ada"},
             "challenge": "q83v", "pubKeyCredParams": [{"type": "public-key", "alg": -7}, {"type": "public-key", "alg": -257}],
             "timeout": 300000, "excludeCredentials": [{"type": "public-key", "id": "AQID", "transports": ["usb", "internal"]}],
             "authenticatorSelection": {"residentKey": "required", "requireResidentKey": true, "userVerification": "preferred"},
             "attestation": "none"}
            """.utf8))
        try Self.expectFoundationBytes(PublicKeyBody(publicKey: creation))
        let request = try JSONDecoder().decode(PublicKeyCredentialRequestOptionsJSON.self, from: Data("""
            {"challenge": "q83v", "timeout": 300000, "rpId": "localhost", "allowCredentials": [], "userVerification": "required"}
            """.utf8))
        try Self.expectFoundationBytes(PublicKeyBody(publicKey: request))
    }
}
