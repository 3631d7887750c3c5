import Foundation
import HTTPTypes
import HummingbirdTesting
import MFACore
import Testing

/// The HTML side of the emailed links: `GET` shows a form, a form `POST` acts and answers a page.
@Suite struct LinkPageRouteTests {
    static let pageHeaders: [(String, String)] = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]
    static let strictPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"
    /// Only for the pages that load the passkey script, and no other script.
    static let scriptedPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"
    static let scriptElement = "<script src=\"/assets/passkeys.js\" defer></script>"

    func expectPage(_ response: TestResponse, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status.code == status, "\(response.text)", sourceLocation: sourceLocation)
        for (name, value) in Self.pageHeaders {
            #expect(response.headers[HTTPField.Name(name)!] == value, "\(name)", sourceLocation: sourceLocation)
        }
        let scripted = response.text.contains(Self.scriptElement)
        #expect(response.text.components(separatedBy: "<script").count == (scripted ? 2 : 1), sourceLocation: sourceLocation)
        #expect(response.headers[.contentSecurityPolicy] == (scripted ? Self.scriptedPolicy : Self.strictPolicy), sourceLocation: sourceLocation)
        #expect(response.text.hasPrefix("<!doctype html>"), sourceLocation: sourceLocation)
    }

    @Test func everyLinkPageShowsAFormPostingToItselfAndConsumesNothing() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let links: [(String, () async throws -> Void)] = [
                ("/users/login/mfa/", { _ = try await client.post("/users/login/", json: ["email": account.email]) }),
                ("/users/mfa/new_totp_code/confirm/", {
                    _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
                }),
                ("/users/delete/mfa/", { _ = try await client.post("/users/delete/", json: ["email": account.email, "password": account.password]) }),
                ("/users/password/reset/confirm/", { _ = try await client.post("/users/password/reset/", json: ["email": account.email]) }),
            ]
            for (path, request) in links {
                try await request()
                let token = try await server.lastToken(to: account.email)
                for spelling in [path, String(path.dropLast())] {
                    let page = try await client.get("\(spelling)?one_time_url=\(token)")
                    expectPage(page, 200)
                    #expect(page.text.contains("action=\"\(path)?one_time_url=\(token)\""), "\(path)")
                }
            }
            // The pages consumed nothing: the last link, a password reset, still works.
            let token = try await server.lastToken(to: account.email)
            server.clock.advance(by: 30)
            let reset = try await client.post(
                "/users/password/reset/confirm/?one_time_url=\(token)",
                json: ["new_password": "another good passphrase", "totp_code": account.code(at: server.clock.now())]
            )
            #expect(reset.status == .ok)
        }
    }

    @Test func theAccountCreationPageAsksForThePasswordAgain() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let token = try await server.lastToken(to: "ada@example.com")
            let page = try await client.get("/users/create/mfa/?one_time_url=\(token)")
            expectPage(page, 200)
            #expect(page.text.contains("name=\"password_again\""))
        }
    }

    /// Each link page with what its form posts.
    static let forms: [(path: String, fields: [String: String])] = [
        ("/users/create/mfa/", ["password_again": TestServer.password]),
        ("/users/login/mfa/", ["password": TestServer.password, "totp_code": "123456"]),
        ("/users/mfa/new_totp_code/confirm/", ["totp_code": "123456"]),
        ("/users/mfa/reset/confirm/", [:]),
        ("/users/delete/mfa/", ["recovery_code": "AAAA-AAAA-AAAA-AAAA"]),
        ("/users/password/reset/confirm/", ["new_password": "another good passphrase", "totp_code": "123456"]),
    ]

    @Test(arguments: Self.forms)
    func aDeadLinkShowsA410Page(path: String, fields: [String: String]) async throws {
        let server = try TestServer()
        try await server.run { client in
            expectPage(try await client.get("\(path)?one_time_url=not-a-token"), 410)
            expectPage(try await client.get(path), 410)
            expectPage(try await client.post("\(path)?one_time_url=not-a-token", form: fields), 410)
        }
    }

    @Test func aLinkOfAnotherPurposeIsDeadOnThisPage() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let loginToken = try await client.loginLink(for: account)
            expectPage(try await client.get("/users/delete/mfa/?one_time_url=\(loginToken)"), 410)
        }
    }

    @Test func theCreationFormAnswersTheEnrollmentPage() async throws {
        let server = try TestServer()
        try await server.run { client in
            _ = try await client.post("/users/create/", json: ["email": "ada@example.com", "password": TestServer.password])
            let token = try await server.lastToken(to: "ada@example.com")
            let wrong = try await client.post("/users/create/mfa/?one_time_url=\(token)", form: ["password_again": "not the password"])
            expectPage(wrong, 401)
            #expect(wrong.text.contains("name=\"password_again\""))

            let created = try await client.post("/users/create/mfa/?one_time_url=\(token)", form: ["password_again": TestServer.password])
            expectPage(created, 201)
            #expect(created.text.contains("<svg"))
            #expect(created.text.contains("otpauth://totp/MFAServer:ada%40example.com"))
        }
    }

    @Test func theLoginFormsSignInWithACodeOrARecoveryCode() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            let wrong = try await client.post("/users/login/mfa/?one_time_url=\(token)", form: ["password": account.password, "totp_code": "000000"])
            expectPage(wrong, 401)
            // A browser sends the empty input of the form it did not use.
            let empty = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", form: ["password": account.password, "totp_code": "", "recovery_code": ""]
            )
            expectPage(empty, 422)
            let signedIn = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)",
                form: ["password": account.password, "totp_code": account.code(at: server.clock.now()), "recovery_code": ""]
            )
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/account")

            let withRecoveryCode = try await client.post(
                "/users/login/mfa/?one_time_url=\(try await client.loginLink(for: account))",
                form: ["password": account.password, "recovery_code": account.recoveryCodes[3]]
            )
            #expect(withRecoveryCode.status == .seeOther)
        }
    }

    @Test func theOtherFormsAct() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            _ = try await client.post("/users/mfa/new_totp_code/", json: ["email": account.email, "password": account.password])
            let renewed = try await client.post(
                "/users/mfa/new_totp_code/confirm/?one_time_url=\(try await server.lastToken(to: account.email))",
                form: ["recovery_code": account.recoveryCodes[0]]
            )
            expectPage(renewed, 200)
            #expect(renewed.text.contains("<svg"))

            _ = try await client.post("/users/password/reset/", json: ["email": account.email])
            let reset = try await client.post(
                "/users/password/reset/confirm/?one_time_url=\(try await server.lastToken(to: account.email))",
                form: ["new_password": "another good passphrase", "recovery_code": ""]
            )
            expectPage(reset, 422)

            // Ada's authenticator was replaced above; Grace's is the one the test knows.
            let grace = try await client.signUp("grace@example.com")
            _ = try await client.post("/users/delete/", json: ["email": grace.email, "password": grace.password])
            let deletion = "/users/delete/mfa/?one_time_url=\(try await server.lastToken(to: grace.email))"
            expectPage(try await client.post(deletion, form: [:]), 422)
            server.clock.advance(by: 30)
            let deleted = try await client.post(deletion, form: ["totp_code": grace.code(at: server.clock.now())])
            expectPage(deleted, 200)
            #expect(try await server.sentMail().last?.subject == "Your account was deleted")
        }
    }

    @Test func aLimitedFormPostShowsThePageWithRetryAfter() async throws {
        let server = try TestServer { $0.requestsPerClient = RateLimit(count: 1, window: 120) }
        try await server.run { client in
            _ = try await client.post("/users/login/mfa/?one_time_url=x", form: [:])
            let limited = try await client.post("/users/login/mfa/?one_time_url=x", form: [:])
            expectPage(limited, 429)
            #expect(limited.headers[.retryAfter] == "120")
        }
    }
}
