import Foundation
import MFACore
import MFAPages
import MFATestSupport
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
            token: workflow.lastToken(to: "ada@example.com"), secondFactor: .recoveryCode(original.recoveryCodes[0])
        )
        let page = try PageOutline(Pages.authenticatorReplaced(enrollment))
        #expect(page.text.contains("New authenticator secret issued"))
        #expect(page.text.contains("no longer work"))
        #expect(page.references.contains(enrollment.otpauthURI))
        #expect(enrollment.recoveryCodes.allSatisfy { page.text.contains($0) })
    }

    @Test func theFirstSignInSaysSoAndTellsWhenTheSessionEnds() async throws {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        let result = try await workflow.login("ada@example.com", enrollment: enrollment)
        let html = Pages.signedIn(result)
        let page = try PageOutline(html)
        #expect(page.text.contains("This is your first sign-in."))
        #expect(html.contains("<time datetime=\"\(rfc3339(result.expiresAt))\">"))
        #expect(page.text.contains(result.sessionToken))
        #expect(!page.text.contains("recovery code"))
    }

    @Test func aLaterSignInShowsThePreviousOneAndTheRecoveryCodesLeft() async throws {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        let first = try await workflow.login("ada@example.com", enrollment: enrollment)
        workflow.clock.advance(by: 60)
        let second = try await workflow.login("ada@example.com", enrollment: enrollment, recoveryCode: enrollment.recoveryCodes[0])
        let previous = try #require(second.lastLogin)
        #expect(previous == first.expiresAt - workflow.service.configuration.sessionLifetime)
        let html = Pages.signedIn(second)
        #expect(html.contains("<time datetime=\"\(rfc3339(previous))\">"))
        let page = try PageOutline(html)
        #expect(page.text.contains("Your previous sign-in was at"))
        #expect(page.text.contains("9 recovery codes remain."))
    }

    @Test func theRecoveryCodeNoticeGrowsUrgentWhenFewRemain() async throws {
        let workflow = try Workflow()
        let enrollment = try await workflow.createAccount("ada@example.com")
        var pages: [Int: PageOutline] = [:]
        for code in enrollment.recoveryCodes {
            // Stay under the limit of 5 link requests per address in 15 minutes.
            workflow.clock.advance(by: 200)
            let result = try await workflow.login("ada@example.com", enrollment: enrollment, recoveryCode: code)
            pages[try #require(result.recoveryCodesRemaining)] = try PageOutline(Pages.signedIn(result))
        }
        #expect(pages[9]?.text.contains("Set up a new authenticator") == false)
        #expect(pages[3]?.text.contains("3 recovery codes remain. Set up a new authenticator") == true)
        #expect(pages[1]?.text.contains("1 recovery code remains.") == true)
        #expect(pages[0]?.text.contains("No recovery codes remain.") == true)
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
