import Foundation
import HTTPTypes
import HummingbirdTesting
import MFACore
import Testing
@testable import MFAServerKit

/// The browser's side: start pages, the session cookie, the account page and its forms.
@Suite struct BrowserRouteTests {
    static let pages = LinkPageRouteTests()

    @Test func theStartPageAndEveryWorkflowsPageAnswerAFormPostingToItsRoute() async throws {
        let server = try TestServer()
        try await server.run { client in
            let home = try await client.get("/")
            Self.pages.expectPage(home, 200)
            for path in ["/users/create/", "/users/login/", "/users/password/reset/", "/users/mfa/new_totp_code/", "/users/delete/"] {
                #expect(home.text.contains("href=\"\(path)\""), "\(path)")
                for spelling in [path, String(path.dropLast())] {
                    let page = try await client.get(spelling)
                    Self.pages.expectPage(page, 200)
                    #expect(page.text.contains(
                        "<form id=\"start\" method=\"post\" action=\"\(path)\" enctype=\"application/x-www-form-urlencoded\">"
                    ), "\(spelling)")
                    #expect(page.text.contains("type=\"email\" autocomplete=\"email\""))
                }
            }
            #expect(try await client.get("/users/create/").text.contains("autocomplete=\"new-password\""))
            #expect(try await client.get("/users/delete/").text.contains("autocomplete=\"current-password\""))
        }
    }

    @Test func aStartFormAnswersAPageWithTheRoutesWordingOrItsErrorsAtTheirFields() async throws {
        let server = try TestServer()
        try await server.run { client in
            let sent = try await client.post("/users/login/", form: ["email": "ada@example.com"])
            Self.pages.expectPage(sent, 202)
            #expect(sent.text.contains("If an account exists for this address, a sign-in link has been sent to it."))

            let wrong = try await client.post("/users/create/", form: ["email": "not-an-address", "password": "short", "full_name": ""])
            Self.pages.expectPage(wrong, 422)
            // The address stays in its field, the first wrong field has the focus, and each message stands at its field.
            #expect(wrong.text.contains("name=\"email\" type=\"email\" autocomplete=\"email\" autocapitalize=\"off\" spellcheck=\"false\" required value=\"not-an-address\""))
            #expect(wrong.text.contains("aria-describedby=\"start-email-error\" aria-invalid=\"true\" autofocus>"))
            #expect(wrong.text.contains("id=\"start-password-error\""))
            #expect(!wrong.text.contains("value=\"short\""))
            #expect(wrong.text.components(separatedBy: "autofocus").count == 2)
        }
    }

    @Test func signingInThroughThePageSetsTheSessionCookieAndLeadsToTheAccountPage() async throws {
        for (publicURL, expected) in [
            ("https://auth.example.com", "; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict; Secure"),
            ("http://127.0.0.1:8000", "; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict"),
        ] {
            let server = try TestServer { $0.publicURL = publicURL }
            try await server.run { client in
                let account = try await client.signUp()
                let response = try await client.browserSignInResponse(account)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/account")
                let cookie = try #require(response.headers[.setCookie])
                let name = publicURL.hasPrefix("https") ? "__Host-mfa_session" : "mfa_session"
                #expect(cookie.hasPrefix("\(name)="))
                #expect(cookie.hasSuffix(expected), "\(cookie)")
                // The cookie holds a session as the API's: the bearer route accepts it.
                let token = String(cookie.dropFirst(name.count + 1).prefix { $0 != ";" })
                #expect(try await client.get("/users/me", bearer: token).status == .ok)

                let page = try await client.send(.get, "/account", headers: [.cookie: "\(name)=\(token)"])
                Self.pages.expectPage(page, 200)
                #expect(page.text.contains("ada@example.com"))
                #expect(page.text.contains("Recovery codes left</dt><dd>10"))
            }
        }
    }

    @Test func theAccountPageWithoutAValidCookieSendsToTheSignInPage() async throws {
        let server = try TestServer()
        try await server.run { client in
            let none = try await client.get("/account")
            #expect(none.status == .seeOther)
            #expect(none.headers[.location] == "/users/login/")
            let stale = try await client.send(.get, "/account", headers: [.cookie: "__Host-mfa_session=unknown"])
            #expect(stale.status == .seeOther)
            #expect(stale.headers[.location] == "/users/login/")
            #expect(stale.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }

    @Test func theAccountFormsRefuseForgeries() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.browserSignIn(account)
            let other = try await client.browserSignIn(account)
            let token = AntiForgery.token(forSession: session)
            let forgeries: [(String, [String: String], HTTPFields)] = [
                ("missing token", [:], [:]),
                ("wrong token", [AntiForgery.field: String(repeating: "0", count: 64)], [:]),
                ("another session's token", [AntiForgery.field: AntiForgery.token(forSession: other)], [:]),
                ("cross-site Origin", [AntiForgery.field: token], [.origin: "https://evil.example"]),
                ("Sec-Fetch-Site cross-site", [AntiForgery.field: token], [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]),
            ]
            for (name, form, headers) in forgeries {
                for path in ["/account/logout", "/account/password"] {
                    let response = try await client.postForm(path, form, cookie: session, headers: headers)
                    Self.pages.expectPage(response, 403)
                    #expect(response.text.contains("Forbidden"), "\(name) \(path)")
                }
            }
            // None of them signed out: the session still opens the account page.
            #expect(try await client.send(.get, "/account", headers: [.cookie: "__Host-mfa_session=\(session)"]).status == .ok)
            // The pages' own posts: Origin null (no-referrer) or the public URL's origin, same-origin fetch.
            for headers: HTTPFields in [[.origin: "null"], [.origin: "https://auth.example.com", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]] {
                let wrongCode = try await client.postForm(
                    "/account/password",
                    [AntiForgery.field: token, "current_password": account.password, "new_password": "another good passphrase", "totp_code": "000000"],
                    cookie: session, headers: headers
                )
                Self.pages.expectPage(wrongCode, 401)
            }
        }
    }

    @Test func theAccountPageChangesThePasswordAndSignsOut() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.browserSignIn(account)
            let other = try await client.signIn(account)
            let token = AntiForgery.token(forSession: session)
            server.clock.advance(by: 30)
            let changed = try await client.postForm(
                "/account/password",
                [AntiForgery.field: token, "current_password": account.password, "new_password": "another good passphrase",
                 "totp_code": account.code(at: server.clock.now())],
                cookie: session
            )
            Self.pages.expectPage(changed, 200)
            #expect(changed.text.contains("Password changed. Every other session was signed out."))
            #expect(try await client.get("/users/me", bearer: other).status == .unauthorized)

            let signedOut = try await client.postForm("/account/logout", [AntiForgery.field: token], cookie: session)
            Self.pages.expectPage(signedOut, 200)
            #expect(signedOut.headers[.setCookie] == "__Host-mfa_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure")
            #expect(try await client.get("/users/me", bearer: session).status == .unauthorized)
            #expect(try await client.send(.get, "/account", headers: [.cookie: "__Host-mfa_session=\(session)"]).status == .seeOther)
        }
    }
}

extension Client {
    /// Completes a sign-in through the page's form and returns the answer.
    func browserSignInResponse(_ account: TestAccount) async throws -> TestResponse {
        server.clock.advance(by: 30)
        let token = try await loginLink(for: account)
        return try await post(
            "/users/login/mfa/?one_time_url=\(token)",
            form: ["password": account.password, "totp_code": account.code(at: server.clock.now()), "recovery_code": ""]
        )
    }

    /// Signs in through the page's form and returns the session token its cookie holds.
    func browserSignIn(_ account: TestAccount) async throws -> String {
        let cookie = try await browserSignInResponse(account).headers[.setCookie] ?? ""
        guard let value = cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last else {
            throw TestFailure("no session cookie")
        }
        return String(value)
    }

    /// Posts an account-page form with the https server's session cookie.
    func postForm(_ path: String, _ fields: [String: String], cookie: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-mfa_session=\(cookie)"]
        headers.append(contentsOf: extra)
        let body = fields.map { "\(FormEncoding.encode($0.key))=\(FormEncoding.encode($0.value))" }.joined(separator: "&")
        return try await send(.post, path, headers: headers, body: body)
    }
}
