import Foundation
import HummingbirdTesting
import MFACore

/// An account created through the HTTP routes, with the authenticator app its user set up.
struct TestAccount: Sendable {
    let email: String
    let password: String
    let authenticator: TOTP
    let recoveryCodes: [String]

    /// The code the app shows at `date`.
    func code(at date: Date) -> String {
        authenticator.code(at: date)
    }
}

extension Client {
    /// Signs up `email` through `/users/create/` and the mailed link.
    func signUp(_ email: String = "ada@example.com", password: String = TestServer.password) async throws -> TestAccount {
        let request = try await post("/users/create/", json: ["email": email, "password": password])
        guard request.status == .accepted else { throw TestFailure("create answered \(request.status): \(request.text)") }
        let token = try await server.lastToken(to: email)
        let confirm = try await post("/users/create/mfa/?one_time_url=\(token)", json: ["password_again": password])
        guard confirm.status == .created else { throw TestFailure("confirm answered \(confirm.status): \(confirm.text)") }
        return try TestAccount(email: email, password: password, enrollment: confirm.json)
    }

    /// Requests a sign-in link for `account` and returns its token.
    func loginLink(for account: TestAccount) async throws -> String {
        let response = try await post("/users/login/", json: ["email": account.email])
        guard response.status == .accepted else { throw TestFailure("login answered \(response.status)") }
        return try await server.lastToken(to: account.email)
    }

    /// Signs in with password and a fresh TOTP code, and returns the session token.
    func signIn(_ account: TestAccount) async throws -> String {
        // Each login needs a time step not used before.
        server.clock.advance(by: 30)
        let token = try await loginLink(for: account)
        let response = try await post(
            "/users/login/mfa/?one_time_url=\(token)",
            json: ["password": account.password, "totp_code": account.code(at: server.clock.now())]
        )
        guard let session = try response.string("session_token") else {
            throw TestFailure("login completion answered \(response.status): \(response.text)")
        }
        return session
    }
}

extension TestAccount {
    /// Reads the `totp` and `recovery_codes` of an enrollment answer.
    init(email: String, password: String, enrollment: [String: Any]) throws {
        guard let totp = enrollment["totp"] as? [String: Any], let uri = totp["otpauth_uri"] as? String,
              let authenticator = try OTPAuthURI(parsing: uri).totp,
              let codes = enrollment["recovery_codes"] as? [String]
        else { throw TestFailure("not an enrollment: \(enrollment)") }
        self.init(email: email, password: password, authenticator: authenticator, recoveryCodes: codes)
    }
}
