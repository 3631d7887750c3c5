import MFACore
import MFAPages
import MFATestSupport
import Testing
@testable import MFAServerKit

/// The passkey sections of the pages: hidden until the one self-hosted script shows them,
/// posting the contract's fields, and the looser Content-Security-Policy on those pages only.
@Suite struct PasskeyPageTests {
    static let links = PasskeyPageLinks(script: "/assets/passkeys.js", options: "/users/login/mfa/passkey-options?one_time_url=t")
    static let scriptElement = "<script src=\"/assets/passkeys.js\" defer></script>"

    @Test(arguments: [LinkPurpose.login, .newAuthenticator, .passwordReset, .deleteAccount])
    func aLinkPageGivenPasskeyLinksOffersAHiddenPasskeyFormPostingTheAssertion(purpose: LinkPurpose) throws {
        let html = Pages.form(for: purpose, action: "/link?one_time_url=t", passkeys: Self.links)
        let page = try PageOutline(html)
        let form = try #require(page.forms.first { $0.id?.hasSuffix("-passkey") == true })
        #expect(form.action == "/link?one_time_url=t")
        // The codes' forms, plus the passkey's: its visible fields as the code's, and the assertion hidden.
        let codeFields = try #require(page.forms.first?.fieldNames.filter { $0 != "totp_code" })
        #expect(form.fieldNames == ["passkey"] + codeFields)
        #expect(html.contains("<section data-passkey-section hidden>"))
        #expect(html.contains("data-passkey=\"get\" data-options=\"/users/login/mfa/passkey-options?one_time_url=t\""))
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains(Self.scriptElement))
        #expect(Pages.contentSecurityPolicy(for: html) == Pages.scriptedContentSecurityPolicy)
    }

    @Test func withoutPasskeyLinksOrASecondFactorAPageHasNoScriptAndTheStrictPolicy() {
        for html in [
            Pages.form(for: .login, action: "/link"),
            Pages.form(for: .createAccount, action: "/link", passkeys: Self.links),
            Pages.start(for: .createAccount, action: "/users/create/", home: "/", passkeys: Self.links),
            // Text that a page echoes is escaped, so it never passes for the script element.
            Pages.start(for: .login, action: "/users/login/", home: "/", email: "<script src=\"/x\"></script>@example.com"),
        ] {
            #expect(!html.contains("<script"))
            #expect(Pages.contentSecurityPolicy(for: html) == Pages.strictContentSecurityPolicy)
        }
    }

    @Test func theSignInPageOffersASignInWithAPasskeyAlone() throws {
        let links = PasskeyPageLinks(script: "/assets/passkeys.js", options: "/users/login/passkey/options", action: "/users/login/passkey")
        let html = Pages.start(for: .login, action: "/users/login/", home: "/", passkeys: links)
        let form = try #require(try PageOutline(html).forms.last)
        #expect(form.id == "start-passkey")
        #expect(form.action == "/users/login/passkey")
        #expect(form.fieldNames == ["credential"])
        #expect(Pages.contentSecurityPolicy(for: html) == Pages.scriptedContentSecurityPolicy)
    }

    @Test func theScriptUsesTheJSONFormsAndNoInlineCode() {
        #expect(PasskeyScript.source.contains("PublicKeyCredential.parseCreationOptionsFromJSON"))
        #expect(PasskeyScript.source.contains("PublicKeyCredential.parseRequestOptionsFromJSON"))
        #expect(PasskeyScript.source.contains("credential.toJSON()"))
        // The policy of scripted pages allows this server's script and requests, and still no inline script or eval.
        #expect(Pages.scriptedContentSecurityPolicy.contains("script-src 'self';"))
        #expect(!Pages.scriptedContentSecurityPolicy.contains("unsafe-eval"))
        #expect(Pages.scriptedContentSecurityPolicy.components(separatedBy: "unsafe-inline").count == 2, "for styles only")
    }
}
