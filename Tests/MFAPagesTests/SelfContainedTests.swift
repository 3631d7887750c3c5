import MFACore
@testable import MFAServerKit
import MFAPages
import MFATestSupport
import Testing

/// Every page stands alone: no script, nothing fetched from elsewhere, and the contract's headers.
@Suite struct SelfContainedTests {
    /// Every page the module builds, filled from a real workflow.
    static func everyPage() async throws -> [(name: String, html: String)] {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        let login = try await workflow.login("ada@example.com", enrollment: enrollment, recoveryCode: enrollment.recoveryCodes[0])
        let token = LinkFormTests.token
        let forms = LinkPurpose.allCases.flatMap { purpose in
            [
                (purpose.rawValue, Pages.form(for: purpose, token: token)),
                ("start \(purpose.rawValue)", Pages.start(for: purpose)),
                ("start \(purpose.rawValue) after 422", Pages.start(for: purpose, email: "ada@example.com", problem: .invalidFields([.init(field: .email, message: "Not an address.")]))),
                ("\(purpose.rawValue) after 422", Pages.form(for: purpose, token: token, problem: .invalidFields([.init(field: .password, message: "Too short.")]))),
            ]
        }
        return forms + [
            ("account created", Pages.accountCreated(enrollment)),
            ("authenticator replaced", Pages.authenticatorReplaced(enrollment)),
            ("account", Pages.account(try await workflow.service.accountOverview(sessionToken: login.sessionToken))),
            ("account after 401", Pages.account(
                try await workflow.service.accountOverview(sessionToken: login.sessionToken), problem: .authenticationFailed
            )),
            ("home", Pages.home(link: Endpoints.requestPath(for:), account: Endpoints.accountPath)),
            ("link sent", Pages.linkSent(detail: "If an account exists for this address, a sign-in link has been sent to it.", home: "/")),
            ("signed out", Pages.signedOut(signIn: "/users/login/")),
            ("password changed", Pages.passwordChanged()),
            ("account deleted", Pages.accountDeleted()),
            ("410", Pages.error(.linkInvalid)),
            ("429", Pages.error(.rateLimited(retryAfterSeconds: 60))),
        ]
    }

    @Test func noPageRunsScriptsOrFetchesAnything() async throws {
        for (name, html) in try await Self.everyPage() {
            let page = try PageOutline(html)
            #expect(!html.lowercased().contains("<script"), "\(name) contains a script")
            for element in ["script", "link", "img", "iframe", "object", "embed", "base"] {
                #expect(!page.elements.contains(element), "\(name) has a <\(element)>")
            }
            #expect(!page.attributes.contains { $0.hasPrefix("on") }, "\(name) has an event handler")
            #expect(!page.attributes.contains("style"), "\(name) has a style attribute, which the CSP blocks")
            for reference in page.references {
                let local = reference.hasPrefix("/") && !reference.hasPrefix("//") || reference.hasPrefix("#") || reference.hasPrefix("otpauth://")
                #expect(local, "\(name) refers to \(reference)")
            }
        }
    }

    @Test func everyPageIsACompleteDocumentForPhones() async throws {
        for (name, html) in try await Self.everyPage() {
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"), "\(name)")
            #expect(html.contains("<meta charset=\"utf-8\">"), "\(name)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(name)")
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(name)")
            #expect(html.hasSuffix("</html>\n"), "\(name)")
        }
    }

    @Test func theSecurityHeadersAreTheContracts() {
        let headers = Dictionary(uniqueKeysWithValues: Pages.securityHeaders.map { ($0.name, $0.value) })
        #expect(headers == [
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store",
        ])
        #expect(Pages.contentType == "text/html; charset=utf-8")
    }
}
