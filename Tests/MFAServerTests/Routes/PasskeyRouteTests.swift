import Foundation
import HTTPTypes
import HummingbirdTesting
import MFACore
import MFATestSupport
import MFAWebAuthn
import Testing
@testable import MFAServerKit

/// The passkey routes of the contract, with a software passkey for the browser.
@Suite struct PasskeyRouteTests {
    static let pages = LinkPageRouteTests()

    // MARK: The API

    @Test func aSessionRegistersListsAndRemovesPasskeys() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            var passkey = SoftPasskey()
            let registered = try await client.registerPasskey(&passkey, session: session, name: "Laptop")
            #expect(registered.status == .created)
            let created = try registered.json
            #expect(created["name"] as? String == "Laptop")
            #expect(Set(created.keys) == ["id", "name", "created_at"])
            let id = try #require(created["id"] as? String)

            let list = try await client.get("/users/passkeys", bearer: session)
            #expect(list.status == .ok)
            let passkeys = try #require(try list.json["passkeys"] as? [[String: Any]])
            #expect(passkeys.count == 1)
            #expect(passkeys.first?["id"] as? String == id)
            #expect(passkeys.first?["last_used_at"] is NSNull)
            #expect(try await server.sentMail().last?.subject == "A passkey was added")

            // Removal needs a current second factor: here the passkey itself.
            try expectValidationFailure(
                try await client.send(.delete, "/users/passkeys/\(id)", headers: client.jsonHeaders(bearer: session), body: "{}"),
                fields: ["totp_code", "recovery_code", "passkey"]
            )
            let options = try await client.options("/users/passkeys/assertion/options", bearer: session)
            let removal = try await client.send(
                .delete, "/users/passkeys/\(id)", headers: client.jsonHeaders(bearer: session),
                body: try jsonText(["passkey": passkey.assert(options)])
            )
            #expect(removal.status == .noContent, "\(removal.text)")
            #expect(try await server.sentMail().last?.subject == "A passkey was removed")
            server.clock.advance(by: 30)
            let again = try await client.send(
                .delete, "/users/passkeys/\(id)", headers: client.jsonHeaders(bearer: session),
                body: try jsonText(["totp_code": account.code(at: server.clock.now())])
            )
            try expectProblem(again, RequestError.notFound)
        }
    }

    @Test func aRegistrationThatFailsACheckIs422NamingCredential() async throws {
        let server = try TestServer()
        try await server.run { client in
            let session = try await client.signIn(try await client.signUp())
            var passkey = SoftPasskey(origin: "https://auth.example.com.evil.example")
            let options = try await client.creationOptions(bearer: session)
            let refused = try await client.post(
                "/users/passkeys/registration", body: try jsonText(["credential": passkey.register(options)]), bearer: session
            )
            try expectValidationFailure(refused, fields: ["credential"])
            #expect(refused.text.contains("origin"))
            try expectValidationFailure(try await client.post("/users/passkeys/registration", json: [:], bearer: session), fields: ["credential"])
            try expectValidationFailure(
                try await client.post("/users/passkeys/registration", json: ["credential": ["id": "x"]], bearer: session), fields: ["credential"]
            )
            try expectProblem(
                try await client.post("/users/passkeys/registration", json: ["credential": 7], bearer: session),
                .malformed("The field credential must be an object.")
            )
            try expectProblem(try await client.post("/users/passkeys/registration/options", json: [:]), .unauthorized)
        }
    }

    @Test func aPasskeyIsTheSecondFactorOfALinkThroughItsPasskeyOptions() async throws {
        let server = try TestServer()
        try await server.run { client in
            let (account, _, registered) = try await client.accountWithPasskey()
            var passkey = registered
            let token = try await client.loginLink(for: account)
            try expectProblem(try await client.post("/users/login/mfa/passkey-options?one_time_url=nope", json: [:]), .linkInvalid)
            let options = try await client.requestOptions("/users/login/mfa/passkey-options?one_time_url=\(token)")
            #expect(options.allowCredentials?.map(\.id) == [passkey.id])

            var forged = passkey
            forged.origin = "https://evil.example"
            let wrong = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)",
                body: try jsonText(["password": account.password, "passkey": forged.assert(options)])
            )
            try expectProblem(wrong, .authenticationFailed)
            let fresh = try await client.requestOptions("/users/login/mfa/passkey-options/?one_time_url=\(token)")
            let login = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)", body: try jsonText(["password": account.password, "passkey": passkey.assert(fresh)])
            )
            #expect(login.status == .ok, "\(login.text)")
            #expect(try login.string("session_token") != nil)
        }
    }

    @Test func aPasskeyAloneSignsInAndEveryFailureIs401() async throws {
        let server = try TestServer()
        try await server.run { client in
            let (account, _, registered) = try await client.accountWithPasskey()
            var passkey = registered
            let options = try await client.requestOptions("/users/login/passkey/options")
            #expect(options.allowCredentials == [])
            #expect(options.userVerification == .required)
            let login = try await client.post("/users/login/passkey", body: try jsonText(["credential": passkey.assert(options)]))
            #expect(login.status == .ok, "\(login.text)")
            let body = try login.json
            #expect(body["detail"] as? String == "Login successful.")
            #expect(body["email"] as? String == account.email)
            #expect(body["last_login"] is String)

            for credential: [String: any Sendable] in [["id": "x"], ["id": passkey.id, "rawId": passkey.id, "type": "public-key", "response": [String: String]()]] {
                try expectProblem(try await client.post("/users/login/passkey", json: ["credential": credential]), .authenticationFailed)
            }
            passkey.verifiesUser = false
            let unverified = passkey.assert(try await client.requestOptions("/users/login/passkey/options"))
            try expectProblem(try await client.post("/users/login/passkey", body: try jsonText(["credential": unverified])), .authenticationFailed)
            try expectValidationFailure(try await client.post("/users/login/passkey", json: [:]), fields: ["credential"])
        }
    }

    @Test func theBearerRoutesTakeAPasskeyInsteadOfACode() async throws {
        let server = try TestServer()
        try await server.run { client in
            let (account, session, registered) = try await client.accountWithPasskey()
            var passkey = registered
            let codes = try await client.post(
                "/users/recovery-codes",
                body: try jsonText(["passkey": passkey.assert(try await client.options("/users/passkeys/assertion/options", bearer: session))]),
                bearer: session
            )
            #expect(codes.status == .ok, "\(codes.text)")
            let change = try await client.post(
                "/users/password/change",
                body: try jsonText([
                    "current_password": account.password, "new_password": "another good passphrase",
                    "passkey": passkey.assert(try await client.options("/users/passkeys/assertion/options", bearer: session)),
                ]),
                bearer: session
            )
            #expect(change.status == .ok, "\(change.text)")
        }
    }

    @Test func withAPublicURLOnAnIPAddressThePasskeyRoutesAre503AndThePagesOfferNone() async throws {
        let server = try TestServer { $0.publicURL = "http://127.0.0.1:8000" }
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.signIn(account)
            try expectProblem(try await client.post("/users/login/passkey/options", json: [:]), .unavailable)
            try expectProblem(try await client.post("/users/passkeys/registration/options", json: [:], bearer: session), .unavailable)
            try expectProblem(try await client.get("/users/passkeys", bearer: session), .unavailable)
            let token = try await client.loginLink(for: account)
            try expectProblem(try await client.post("/users/login/mfa/passkey-options?one_time_url=\(token)", json: [:]), .unavailable)
            for page in [try await client.get("/users/login/"), try await client.get("/users/login/mfa/?one_time_url=\(token)")] {
                Self.pages.expectPage(page, 200)
                #expect(!page.text.contains("<script"))
                #expect(!page.text.contains("data-passkey"))
            }
        }
    }

    @Test func anotherMethodOnAPasskeyPathIsNotAllowedAndTheAllowHeaderNamesThatPathsOwn() async throws {
        let server = try TestServer()
        try await server.run { client in
            let byID = try await client.get("/users/passkeys/0b7c5a1e-0000-4000-8000-000000000000")
            try expectProblem(byID, .methodNotAllowed(allowed: []))
            #expect(byID.headers[.allow] == "DELETE")
            // A path the table spells out is not also a passkey id.
            let options = try await client.send(.options, "/users/passkeys/registration")
            try expectProblem(options, .methodNotAllowed(allowed: []))
            #expect(options.headers[.allow] == "POST")
        }
    }

    // MARK: The pages

    @Test func thePagesThatOfferPasskeysLoadTheScriptAndTheScriptIsServed() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let token = try await client.loginLink(for: account)
            let signIn = try await client.get("/users/login/")
            Self.pages.expectPage(signIn, 200)
            #expect(signIn.text.contains(LinkPageRouteTests.scriptElement))
            #expect(signIn.text.contains("data-passkey=\"get\" data-options=\"/users/login/passkey/options\""))
            #expect(signIn.text.contains("action=\"/users/login/passkey\""))
            let link = try await client.get("/users/login/mfa/?one_time_url=\(token)")
            Self.pages.expectPage(link, 200)
            #expect(link.text.contains("data-options=\"/users/login/mfa/passkey-options?one_time_url=\(token)\""))
            #expect(link.text.contains("<section data-passkey-section hidden>"))
            // The other start pages keep the strict policy.
            Self.pages.expectPage(try await client.get("/users/create/"), 200)
            #expect(try await client.get("/users/create/").headers[.contentSecurityPolicy] == LinkPageRouteTests.strictPolicy)

            let script = try await client.get("/assets/passkeys.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.headers[.xContentTypeOptions] == "nosniff")
            #expect(script.text.contains("PublicKeyCredential.parseRequestOptionsFromJSON"))
        }
    }

    @Test func thePagesPostAPasskeyAsJSONTextInTheirForms() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            var passkey = SoftPasskey()
            _ = try await client.registerPasskey(&passkey, session: try await client.signIn(account))
            // The sign-in page: a passkey alone opens the browser session.
            let alone = try await client.post(
                "/users/login/passkey",
                form: ["credential": try jsonText(passkey.assert(try await client.requestOptions("/users/login/passkey/options")))]
            )
            #expect(alone.status == .seeOther)
            #expect(alone.headers[.location] == "/account")
            #expect(alone.headers[.setCookie]?.hasPrefix("__Host-mfa_session=") == true)
            let refused = try await client.post("/users/login/passkey", form: ["credential": "{}"])
            Self.pages.expectPage(refused, 401)
            #expect(refused.text.contains("Sign in with a passkey"))
            // A link page: the password and the passkey.
            let token = try await client.loginLink(for: account)
            let options = try await client.requestOptions("/users/login/mfa/passkey-options?one_time_url=\(token)")
            let signedIn = try await client.post(
                "/users/login/mfa/?one_time_url=\(token)",
                form: ["password": account.password, "passkey": try jsonText(passkey.assert(options))]
            )
            #expect(signedIn.status == .seeOther)
        }
    }

    @Test func theAccountPageAddsListsAndRemovesPasskeys() async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp()
            let session = try await client.browserSignIn(account)
            let token = AntiForgery.token(forSession: session)
            let empty = try await client.send(.get, "/account", headers: [.cookie: "__Host-mfa_session=\(session)"])
            Self.pages.expectPage(empty, 200)
            #expect(empty.text.contains("<h2>Passkeys</h2>"))
            #expect(empty.text.contains("data-passkey=\"create\" data-options=\"/account/passkeys/registration/options\""))

            try expectProblem(try await client.postForm("/account/passkeys/registration/options", [:], cookie: session), .forbidden)
            let optionsResponse = try await client.postForm("/account/passkeys/registration/options", [AntiForgery.field: token], cookie: session)
            #expect(optionsResponse.status == .ok)
            let options = try JSONDecoder().decode(OptionsAnswer<PublicKeyCredentialCreationOptionsJSON>.self, from: Data(buffer: optionsResponse.body))
            var passkey = SoftPasskey()
            let added = try await client.postForm(
                "/account/passkeys",
                [AntiForgery.field: token, "credential": try jsonText(passkey.register(options.publicKey)), "name": "Phone"],
                cookie: session
            )
            Self.pages.expectPage(added, 200)
            #expect(added.text.contains("Passkey &quot;Phone&quot; added."))
            #expect(added.text.contains("<strong>Phone</strong>"))

            let id = try #require(try await server.service.passkeys(sessionToken: session).first?.id)
            let wrong = try await client.postForm(
                "/account/passkeys/remove", [AntiForgery.field: token, "passkey_id": id, "totp_code": "000000"], cookie: session
            )
            Self.pages.expectPage(wrong, 401)
            server.clock.advance(by: 30)
            let removed = try await client.postForm(
                "/account/passkeys/remove",
                [AntiForgery.field: token, "passkey_id": id, "totp_code": account.code(at: server.clock.now())], cookie: session
            )
            Self.pages.expectPage(removed, 200)
            #expect(removed.text.contains("Passkey removed."))
            #expect(removed.text.contains("None yet."))
        }
    }
}

/// `{"publicKey": {...}}`, as a client reads it.
struct OptionsAnswer<Options: Decodable>: Decodable {
    var publicKey: Options
}

/// The JSON text of an encodable value.
func jsonText(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
}

/// The JSON text of an object whose members are strings or encodable WebAuthn forms.
func jsonText(_ members: [String: any Encodable]) throws -> String {
    let parts = try members.sorted { $0.key < $1.key }.map { key, value in "\(try jsonText(key)):\(try jsonText(value))" }
    return "{" + parts.joined(separator: ",") + "}"
}

extension Client {
    func jsonHeaders(bearer: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        return headers
    }

    /// `POST`s JSON text.
    func post(_ uri: String, body: String, bearer: String? = nil) async throws -> TestResponse {
        try await send(.post, uri, headers: jsonHeaders(bearer: bearer), body: body)
    }

    func creationOptions(bearer: String) async throws -> PublicKeyCredentialCreationOptionsJSON {
        let response = try await post("/users/passkeys/registration/options", json: [:], bearer: bearer)
        guard response.status == .ok else { throw TestFailure("options answered \(response.status): \(response.text)") }
        return try JSONDecoder().decode(OptionsAnswer<PublicKeyCredentialCreationOptionsJSON>.self, from: Data(buffer: response.body)).publicKey
    }

    func requestOptions(_ uri: String) async throws -> PublicKeyCredentialRequestOptionsJSON {
        try await options(uri, bearer: nil)
    }

    func options(_ uri: String, bearer: String?) async throws -> PublicKeyCredentialRequestOptionsJSON {
        let response = try await post(uri, json: [:], bearer: bearer)
        guard response.status == .ok else { throw TestFailure("options answered \(response.status): \(response.text)") }
        return try JSONDecoder().decode(OptionsAnswer<PublicKeyCredentialRequestOptionsJSON>.self, from: Data(buffer: response.body)).publicKey
    }

    /// Signs up, signs in, and registers a new software passkey.
    func accountWithPasskey() async throws -> (TestAccount, session: String, SoftPasskey) {
        let account = try await signUp()
        let session = try await signIn(account)
        var passkey = SoftPasskey()
        let registered = try await registerPasskey(&passkey, session: session)
        guard registered.status == .created else { throw TestFailure("registration answered \(registered.status): \(registered.text)") }
        return (account, session, passkey)
    }

    /// Registers `passkey` for the bearer session and returns the answer.
    func registerPasskey(_ passkey: inout SoftPasskey, session: String, name: String? = nil) async throws -> TestResponse {
        let options = try await creationOptions(bearer: session)
        var members: [String: any Encodable] = ["credential": passkey.register(options)]
        if let name { members["name"] = name }
        return try await post("/users/passkeys/registration", body: try jsonText(members), bearer: session)
    }
}
