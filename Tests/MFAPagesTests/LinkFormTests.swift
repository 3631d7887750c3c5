import MFACore
import MFAPages
import MFATestSupport
import Testing

/// Each link's page posts, form-encoded, to the link's own address with the contract's field names.
@Suite struct LinkFormTests {
    static let token = "q0Vt3Yl1nX8cJ2pW7sDfA9bKzR4uHmE6gT5oLiN_-aC"

    /// The field sets each link's forms post, in order: the contract's bodies.
    static let expectedFields: [LinkPurpose: [[String]]] = [
        .createAccount: [["password_again"]],
        .login: [["password", "totp_code"], ["password", "recovery_code"]],
        .newAuthenticator: [["totp_code"], ["recovery_code"]],
        .authenticatorResetByOperator: [[]],
        .passwordReset: [["new_password", "totp_code"], ["new_password", "recovery_code"]],
        .deleteAccount: [["totp_code"], ["recovery_code"]],
    ]

    @Test(arguments: LinkPurpose.allCases)
    func formsPostTheContractFieldsToTheLinkItself(purpose: LinkPurpose) throws {
        let page = try PageOutline(Pages.form(for: purpose, token: Self.token))
        #expect(page.forms.map(\.fieldNames) == Self.expectedFields[purpose])
        for form in page.forms {
            #expect(form.method == "post")
            #expect(form.action == "\(purpose.path)?one_time_url=\(Self.token)")
            #expect(form.enctype == "application/x-www-form-urlencoded")
            #expect(form.buttons.map(\.type) == ["submit"])
            #expect(form.fields.allSatisfy { $0.required }, "every field of a form is needed by its body")
        }
    }

    @Test func theLinkPathsAreTheContractsPages() {
        #expect(LinkPurpose.allCases.map(\.path).sorted() == [
            "/users/create/mfa/", "/users/delete/mfa/", "/users/login/mfa/",
            "/users/mfa/new_totp_code/confirm/", "/users/mfa/reset/confirm/", "/users/password/reset/confirm/",
        ])
    }

    @Test func theRecoveryCodeFormIsFoldedAwayUntilAsked() throws {
        for purpose in [LinkPurpose.login, .passwordReset] {
            let page = try PageOutline(Pages.form(for: purpose, token: Self.token))
            #expect(page.details.map(\.open) == [false])
            #expect(page.text.contains("Use a recovery code instead"))
        }
    }

    @Test func passwordsAndCodesGetTheAutocompleteHintsManagersAndPhonesUse() throws {
        let login = try PageOutline(Pages.form(for: .login, token: Self.token))
        #expect(login.field(named: "password")?.type == "password")
        #expect(login.field(named: "password")?.autocomplete == "current-password")
        #expect(login.field(named: "totp_code")?.autocomplete == "one-time-code")
        let reset = try PageOutline(Pages.form(for: .passwordReset, token: Self.token))
        #expect(reset.field(named: "new_password")?.type == "password")
        #expect(reset.field(named: "new_password")?.autocomplete == "new-password")
    }

    @Test func theDeletePageSaysThatOpeningItDeletedNothing() throws {
        let page = try PageOutline(Pages.form(for: .deleteAccount, token: Self.token))
        #expect(page.text.contains("A GET never deletes"))
        #expect(page.forms.first?.buttons.first?.text == "Delete my account")
    }

    @Test func theOperatorsResetPageSaysWhoStartedItAndAsksForNoFactor() throws {
        let page = try PageOutline(Pages.form(for: .authenticatorResetByOperator, token: Self.token))
        #expect(page.text.contains("An operator of this service checked who you are"))
        #expect(page.text.contains("no code from your old authenticator and no recovery code is needed"))
        #expect(page.text.contains("Opening this link changed nothing"))
        #expect(page.text.contains("If you did not ask an operator for this"))
        #expect(page.forms.first?.buttons.first?.text == "Issue a new secret")
    }

    @Test func theNewAuthenticatorPageWarnsWhatStopsWorking() throws {
        let page = try PageOutline(Pages.form(for: .newAuthenticator, token: Self.token))
        #expect(page.text.contains("recovery codes stop working"))
        #expect(page.text.contains("every signed-in session is signed out"))
    }
}
