import MFACore
import MFAPages
import MFATestSupport
import Testing
@testable import MFAServerKit

/// A failed `POST` shows the form again with the problem; a dead link shows only the error.
@Suite struct ProblemDisplayTests {
    let token = LinkFormTests.token

    @Test func wrongCredentialsShowTheFormAgainWithTheContractSentence() throws {
        let page = try PageOutline(Pages.form(for: .login, token: token, problem: .authenticationFailed))
        #expect(page.text.contains("The credentials are not correct."))
        #expect(page.forms.count == 2)
    }

    @Test func fieldMessagesStandNextToTheirFields() throws {
        let problem = MFAError.invalidFields([
            .init(field: .newPassword, message: "A password has at least 8 characters."),
            .init(field: .totpCode, message: "A code has 6 digits."),
        ])
        let page = try PageOutline(Pages.form(for: .passwordReset, token: token, problem: problem))
        let password = try #require(page.field(named: "new_password"))
        let code = try #require(page.field(named: "totp_code"))
        #expect(password.invalid)
        #expect(page.description(of: password).contains("A password has at least 8 characters."))
        #expect(code.invalid)
        #expect(page.description(of: code).contains("A code has 6 digits."))
        #expect(page.field(named: "recovery_code")?.invalid == false)
    }

    @Test func aMessageAboutTheRecoveryCodeOpensItsForm() throws {
        let problem = MFAError.invalidFields([.init(field: .recoveryCode, message: "Not a recovery code.")])
        let page = try PageOutline(Pages.form(for: .login, token: token, problem: problem))
        #expect(page.details.map(\.open) == [true])
        #expect(page.description(of: try #require(page.field(named: "recovery_code"))).contains("Not a recovery code."))
    }

    @Test func messagesForFieldsNotOnThePageAreListedInTheNotice() throws {
        let problem = MFAError.invalidFields([.init(field: .email, message: "An email address has exactly one @.")])
        let page = try PageOutline(Pages.form(for: .createAccount, token: token, problem: problem))
        #expect(page.text.contains("email: An email address has exactly one @."))
    }

    @Test func aLockedAccountSaysWhenToTryAgain() throws {
        let page = try PageOutline(Pages.form(for: .login, token: token, problem: .rateLimited(retryAfterSeconds: 900)))
        #expect(page.text.contains("Try again in 15 minutes."))
        #expect(try PageOutline(Pages.error(.rateLimited(retryAfterSeconds: 42))).text.contains("Try again in 42 seconds."))
        #expect(try PageOutline(Pages.error(.rateLimited(retryAfterSeconds: 121))).text.contains("Try again in 3 minutes."))
    }

    @Test func aDeadLinkShowsNoForm() throws {
        for page in [Pages.form(for: .login, token: token, problem: .linkInvalid), Pages.error(.linkInvalid)] {
            let outline = try PageOutline(page)
            #expect(outline.forms.isEmpty)
            #expect(outline.text.contains("This link is invalid or has expired."))
        }
    }

    @Test(arguments: [
        RequestError.malformed("The body is not a form."), MFAError.authenticationFailed, MFAError.unauthorized, RequestError.notFound,
        RequestError.methodNotAllowed(allowed: []), MFAError.linkInvalid, RequestError.payloadTooLarge, RequestError.unsupportedMediaType,
        MFAError.invalidFields([.init(field: .password, message: "Too short.")]),
        MFAError.rateLimited(retryAfterSeconds: 5), MFAError.internal, MFAError.unavailable,
    ] as [any HTTPProblem])
    func everyErrorHasAPageWithItsTitleAndSentence(error: any HTTPProblem) throws {
        let page = try PageOutline(Pages.error(error))
        #expect(page.text.contains(error.title))
        #expect(page.text.contains(error.detail))
        #expect(page.forms.isEmpty)
    }
}
