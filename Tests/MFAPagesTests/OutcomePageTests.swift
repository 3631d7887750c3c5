import Foundation
import MFACore
import MFAPages
import MFATestSupport
@testable import MFAServerKit
import Testing

/// The pages a successful `POST` answers, filled from real MFACore results.
@Suite struct OutcomePageTests {
    @Test func accountCreatedShowsEverythingAnAuthenticatorAppNeedsAndTheCodesOnce() async throws {
        let enrollment = try await Workflow().createAccount("ada@example.com")
        let page = try PageOutline(Pages.accountCreated(enrollment))
        #expect(page.text.contains("Account created"))
        #expect(page.elements.contains("svg"))
        #expect(page.references.contains(enrollment.otpauthURI))
        let secretInGroups = stride(from: 0, to: enrollment.secret.count, by: 4).map { offset in
            String(enrollment.secret.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
        #expect(page.text.contains(secretInGroups))
        #expect(page.text.contains("Algorithm SHA1"))
        #expect(page.text.contains("Digits 6"))
        #expect(page.text.contains("Period 30 seconds"))
        #expect(enrollment.recoveryCodes.count == 10)
        for code in enrollment.recoveryCodes {
            #expect(page.text.contains(code))
        }
        #expect(page.text.contains("These codes are shown only once."))
    }

    @Test func aNewAuthenticatorUsesTheSameLayoutUnderItsOwnHeading() async throws {
        let workflow = try Workflow()
        let original = try await workflow.createAccount("ada@example.com")
        try await workflow.service.requestNewAuthenticator(email: "ada@example.com", password: Workflow.password, from: .testClient)
        let enrollment = try await workflow.service.confirmNewAuthenticator(
            token: workflow.lastToken(to: "ada@example.com"), secondFactor: .recoveryCode(original.recoveryCodes[0]), from: .testClient
        )
        let page = try PageOutline(Pages.authenticatorReplaced(enrollment))
        #expect(page.text.contains("New authenticator secret issued"))
        #expect(page.text.contains("no longer work"))
        #expect(page.references.contains(enrollment.otpauthURI))
        #expect(enrollment.recoveryCodes.allSatisfy { page.text.contains($0) })
    }

    @Test func theAccountPageShowsTheAccountAndItsForms() async throws {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        let login = try await workflow.login("ada@example.com", enrollment: enrollment, recoveryCode: enrollment.recoveryCodes[0])
        let overview = try await workflow.service.accountOverview(sessionToken: login.sessionToken)
        let html = Pages.account(overview)
        let page = try PageOutline(html)
        #expect(page.text.contains("ada@example.com"))
        #expect(html.contains("<time datetime=\"\(rfc3339(overview.profile.createdAt))\">"))
        #expect(html.contains("<time datetime=\"\(rfc3339(try #require(overview.profile.lastLogin)))\">"))
        #expect(page.text.contains("Recovery codes left 9"))
        #expect(!page.text.contains("few left"))
        // Every form of the session carries its token; the new-authenticator form the address, hidden.
        let token = AntiForgery.token(forSession: "session")
        #expect(html.contains("<input type=\"hidden\" name=\"csrf_token\" value=\"\(token)\">"))
        #expect(html.components(separatedBy: "name=\"csrf_token\"").count == 3)
        #expect(html.contains("<input type=\"hidden\" name=\"email\" value=\"ada@example.com\">"))
        for field in ["current_password", "new_password", "totp_code", "password"] {
            #expect(html.contains("name=\"\(field)\""), "\(field)")
        }
    }

    @Test func theAccountPageUrgesANewAuthenticatorWhenFewCodesRemain() async throws {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        var login: LoginResult?
        for code in enrollment.recoveryCodes.prefix(7) {
            // Stay under the limit of 5 link requests per address in 15 minutes.
            workflow.clock.advance(by: 200)
            login = try await workflow.login("ada@example.com", enrollment: enrollment, recoveryCode: code)
        }
        let overview = try await workflow.service.accountOverview(sessionToken: try #require(login).sessionToken)
        #expect(try PageOutline(Pages.account(overview)).text.contains("3 (few left: set up a new authenticator"))
    }

    @Test func deletionAndPasswordChangeSayWhatHappened() throws {
        #expect(try PageOutline(Pages.accountDeleted()).text.contains("Account deleted"))
        let changed = try PageOutline(Pages.passwordChanged())
        #expect(changed.text.contains("Password changed"))
        #expect(changed.text.contains("Every session of your account was signed out."))
    }

    private func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
