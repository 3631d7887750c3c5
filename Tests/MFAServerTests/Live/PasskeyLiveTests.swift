import Foundation
import MFACore
import MFATestSupport
import Testing

/// Passkeys against the real `mfa-server` binary, with an independent client: python-fido2's
/// structures and a software authenticator (`Tests/TestSupport/passkey_client.py`).
@Suite(.serialized) struct PasskeyLiveTests {
    @Test func anIndependentClientRegistersAndSignsInWithES256EdDSAAndRS256AndEveryTamperingIsRefused() async throws {
        // The client is no browser, so the origin need not be where the server listens.
        let server = try await LiveServer(environment: [
            "MFA_WEBAUTHN_RP_ID": "localhost", "MFA_WEBAUTHN_ORIGINS": "http://localhost:8000",
            // The client's requests come from one address; the refusals alone are a dozen.
            "MFA_LIMIT_REQUESTS_PER_CLIENT": "1000/60",
        ])
        let (http, outbox) = (HTTP(baseURL: server.baseURL), Outbox(directory: server.outbox))
        let account = try await http.signUp("ada@example.com", password: "correct horse battery staple", outbox: outbox)
        let login = try await http.post(
            try await http.loginLink(account.email, outbox: outbox),
            json: ["password": account.password, "totp_code": account.authenticator.code(at: Date())]
        )
        let session = try #require(try login.json["session_token"] as? String)

        let script = ExternalTool.repositoryRoot.appending(path: "Tests/TestSupport/passkey_client.py")
        let input = try JSONSerialization.data(withJSONObject: [
            "url": server.baseURL, "session": session, "origin": "http://localhost:8000", "rp_id": "localhost",
        ])
        let report: String
        do {
            report = String(decoding: try ExternalTool.venvPython().run([script.path], input: input), as: UTF8.self)
        } catch {
            Issue.record("the passkey client failed: \(error)\n\(server.log.suffix(2_000))")
            return
        }
        for case_ in [
            "ES256 registers", "EdDSA registers", "RS256 registers",
            "ES256 signs in alone", "EdDSA signs in alone", "RS256 signs in alone",
            "registration from another origin", "registration for another RP id", "registration answering another challenge",
            "assertion from another origin", "assertion answering another challenge", "assertion for another RP id",
            "assertion with a wrong signature", "assertion without user verification", "assertion without user presence",
            "assertion whose counter stayed", "assertion whose counter went backwards", "the same assertion again",
        ] {
            #expect(report.contains("\(case_): got"), "\(case_) did not run:\n\(report)")
        }
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func aPublicURLOnAnIPAddressTurnsPasskeysOffAndSaysSoAtStart() async throws {
        let server = try await LiveServer()
        #expect(server.log.contains("Passkeys are off"))
        #expect(try await HTTP(baseURL: server.baseURL).post("/users/login/passkey/options").status == 503)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }
}
