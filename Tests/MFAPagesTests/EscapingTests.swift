import MFACore
import MFAPages
import MFATestSupport
import Testing
@testable import MFAServerKit

/// Whatever a page echoes — a token from the URL, an address, an issuer, a
/// message — arrives as text, never as markup.
@Suite struct EscapingTests {
    /// Every character with a meaning in HTML that a deliverable address may
    /// still hold (`<`, `>` and `"` are refused as undeliverable).
    static let hostileEmail = #"o'neil&amp&lt`x`{=}/?#@evil.example"#
    static let hostileIssuer = #"Evil "Corp" <b>&'"#

    @Test(arguments: [
        #""><script>alert('x')</script>&"#,
        "<\u{338}script>",
        "a&b=c d#e",
    ])
    func aTokenBecomesOnePercentEncodedQueryValue(token: String) throws {
        for purpose in LinkPurpose.allCases {
            let html = Pages.form(for: purpose, token: token)
            #expect(!html.contains("<script"))
            #expect(!html.contains("<\u{338}"))
            let page = try PageOutline(html)
            #expect(!page.elements.contains("script"))
            for form in page.forms {
                let action = try #require(form.action)
                #expect(action.hasPrefix("\(purpose.path)?one_time_url="))
                let value = action.dropFirst("\(purpose.path)?one_time_url=".count)
                #expect(value.allSatisfy { $0.isLetter || $0.isNumber || "-._~%".contains($0) })
                #expect(value.removingPercentEncoding == token)
            }
        }
    }

    @Test func anAddressKeptInItsFieldStaysOneAttributeValue() throws {
        let html = Pages.start(for: .login, email: Self.hostileEmail, problem: .invalidFields([.init(field: .email, message: "Not an address.")]))
        #expect(!html.contains("<script"))
        #expect(html.contains("value=\"\(HTML.escape(Self.hostileEmail))\""))
        #expect(!(try PageOutline(html).elements.contains("script")))
    }

    @Test func anAddressAndIssuerFullOfMarkupStayText() async throws {
        let workflow = try Workflow(issuer: Self.hostileIssuer)
        let enrollment = try await workflow.createAccount(Self.hostileEmail)
        let login = try await workflow.login(Self.hostileEmail, enrollment: enrollment)
        let overview = try await workflow.service.accountOverview(sessionToken: login.sessionToken)
        for html in [Pages.accountCreated(enrollment), Pages.authenticatorReplaced(enrollment), Pages.account(overview)] {
            #expect(!html.contains("<script"))
            #expect(!html.contains("<b>"))
            let page = try PageOutline(html)
            #expect(!page.elements.contains("script"))
            #expect(!page.elements.contains("b"))
            #expect(page.text.contains(Self.hostileEmail))
        }
        let created = try PageOutline(Pages.accountCreated(enrollment))
        #expect(created.references.contains(enrollment.otpauthURI), "the otpauth link survives escaping intact")
    }

    @Test func messagesAreText() throws {
        let markup = #"<img src=x onerror="alert(1)"> & 'more'"#
        let pages = [
            Pages.form(for: .login, token: "t", problem: .invalidFields([.init(field: .password, message: markup)])),
            Pages.form(for: .login, action: "/t", problem: PageProblem(title: "Validation failed", detail: markup, fieldMessages: [markup: [markup]])),
            Pages.error(RequestError.malformed(markup)),
        ]
        for html in pages {
            let page = try PageOutline(html)
            #expect(!page.elements.contains("img"))
            #expect(!page.attributes.contains("onerror"))
            #expect(page.text.contains(markup))
        }
    }
}
