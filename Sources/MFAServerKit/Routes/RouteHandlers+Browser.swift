import Hummingbird
import MFACore
import MFAPages

/// The browser's side of the contract: the start pages, and the account page of
/// the cookie session with its forms.
extension RouteHandlers {
    private var session: BrowserSession { BrowserSession(configuration: service.configuration) }

    func homePage() -> RouteHandler {
        { _, _ in
            .page(Pages.home(link: Endpoints.requestPath(for:), account: Endpoints.accountPath), status: .ok)
        }
    }

    func startPage(_ purpose: LinkPurpose) -> RouteHandler {
        { _, _ in
            let page = Pages.start(
                for: purpose, action: Endpoints.requestPath(for: purpose), home: Endpoints.homePath, passkeys: passkeyPageLinks()
            )
            return .page(page, status: .ok)
        }
    }

    /// Where the sign-in page sends a sign-in with a passkey alone; `nil` when passkeys are off.
    /// (Only the sign-in page offers it; the other start pages ignore it.)
    func passkeyPageLinks() -> PasskeyPageLinks? {
        guard service.passkeysAvailable else { return nil }
        return PasskeyPageLinks(
            script: Endpoints.passkeyScriptPath, options: Endpoints.passkeySignInOptionsPath, action: Endpoints.passkeySignInPath
        )
    }

    /// The answer to a sign-in through the page: the session cookie, and `303` to the account page.
    func signedInBrowser(_ sessionToken: String) -> Response {
        redirect(to: Endpoints.accountPath, setting: session.setCookie(sessionToken))
    }

    func accountPage() -> RouteHandler {
        { request, _ in
            let token = session.token(in: request)
            do throws(MFAError) {
                let overview = try await service.accountOverview(sessionToken: token)
                return .page(Pages.account(overview, forms: accountForms(token)), status: .ok)
            } catch .unauthorized {
                return signInAgain(hadCookie: !token.isEmpty)
            }
        }
    }

    func signOutBrowser() -> RouteHandler {
        accountForm { _, token, _, client in
            try await service.logout(sessionToken: token, from: client)
            var response = Response.page(Pages.signedOut(signIn: Endpoints.requestPath(for: .login)), status: .ok)
            response.headers[.setCookie] = session.clearingCookie
            return response
        }
    }

    func changePasswordInBrowser() -> RouteHandler {
        accountForm { fields, token, overview, client in
            let currentPassword = try fields.required(.currentPassword)
            let newPassword = try fields.required(.newPassword)
            do {
                let factor = try fields.secondFactor(RouteHandlers.sessionFactors)
                try fields.checkComplete()
                try await service.changePassword(
                    sessionToken: token, currentPassword: currentPassword, newPassword: newPassword, secondFactor: factor,
                    from: client
                )
            } catch let problem as any HTTPProblem {
                let page = Pages.account(overview, forms: accountForms(token), problem: problem.page)
                return .page(page, showing: problem)
            }
            let page = Pages.account(
                overview, forms: accountForms(token), notice: "Password changed. Every other session was signed out."
            )
            return .page(page, status: .ok)
        }
    }

    func addPasskeyInBrowser() -> RouteHandler {
        accountForm { fields, token, overview, client in
            do {
                let (credential, name) = try Self.registration(from: &fields)
                let passkey = try await service.registerPasskey(sessionToken: token, credential: credential, name: name, from: client)
                return try await accountPage(token, notice: "Passkey \"\(passkey.name)\" added.")
            } catch let problem as any HTTPProblem {
                return .page(Pages.account(overview, forms: accountForms(token), problem: problem.page), showing: problem)
            }
        }
    }

    func removePasskeyInBrowser() -> RouteHandler {
        accountForm { fields, token, overview, client in
            do {
                let id = fields.text(named: Schemas.passkeyIDField) ?? ""
                let factor = try fields.secondFactor(RouteHandlers.sessionFactors)
                try fields.checkComplete()
                try await service.removePasskey(sessionToken: token, id: id, secondFactor: factor, from: client)
                return try await accountPage(token, notice: "Passkey removed.")
            } catch let problem as any HTTPProblem {
                return .page(Pages.account(overview, forms: accountForms(token), problem: problem.page), showing: problem)
            }
        }
    }

    func registrationOptionsInBrowser() -> RouteHandler {
        accountScript { token in PublicKeyBody(publicKey: try await service.passkeyRegistrationOptions(sessionToken: token)) }
    }

    func assertionOptionsInBrowser() -> RouteHandler {
        accountScript { token in PublicKeyBody(publicKey: try await service.passkeyAssertionOptions(sessionToken: token)) }
    }

    /// The account page as it is now, saying what the last form did.
    private func accountPage(_ sessionToken: String, notice: String) async throws -> Response {
        let overview = try await service.accountOverview(sessionToken: sessionToken)
        return .page(Pages.account(overview, forms: accountForms(sessionToken), notice: notice), status: .ok)
    }

    /// A request of the account page's script: checked as a form of the page is, but
    /// answered as JSON, problems included, since the script reads them.
    private func accountScript(_ answer: @escaping @Sendable (_ sessionToken: String) async throws -> any Encodable) -> RouteHandler {
        { request, context in
            try AntiForgery(publicURL: service.configuration.publicURL).checkSite(of: request)
            try await admit(context)
            let fields = try await request.readFields(format: request.bodyFormat(accepting: [.form]), context: context)
            let token = session.token(in: request)
            // The session first: a caller without one learns only that.
            _ = try await service.authenticate(sessionToken: token)
            try AntiForgery.check(fields.text(named: AntiForgery.field), forSession: token)
            return try .json(try await answer(token), status: .ok)
        }
    }

    /// A form of the account page: refused (`403`) from another site or without
    /// the session's anti-forgery token, sent to the sign-in page without a valid
    /// session, and otherwise answered by `act` with the form's fields, the session
    /// token, the account and the client's network.
    private func accountForm(
        _ act: @escaping @Sendable (inout RequestFields, _ sessionToken: String, AccountOverview, ClientNetwork) async throws -> Response
    ) -> RouteHandler {
        { request, context in
            do {
                try AntiForgery(publicURL: service.configuration.publicURL).checkSite(of: request)
                try await admit(context)
                let format = try request.bodyFormat(accepting: [.form])
                var fields = try await request.readFields(format: format, context: context)
                let token = session.token(in: request)
                let overview: AccountOverview
                do throws(MFAError) {
                    overview = try await service.accountOverview(sessionToken: token)
                } catch .unauthorized {
                    return signInAgain(hadCookie: !token.isEmpty)
                }
                try AntiForgery.check(fields.text(named: AntiForgery.field), forSession: token)
                return try await act(&fields, token, overview, context.clientNetwork)
            } catch let problem as any HTTPProblem where problem.status != .unsupportedMediaType {
                return .page(Pages.error(problem.page), showing: problem)
            }
        }
    }

    private func accountForms(_ sessionToken: String) -> AccountPageForms {
        AccountPageForms(
            signOut: Endpoints.signOutPath, changePassword: Endpoints.passwordChangePath,
            newAuthenticator: Endpoints.requestPath(for: .newAuthenticator), home: Endpoints.homePath,
            antiForgeryToken: AntiForgery.token(forSession: sessionToken), antiForgeryField: AntiForgery.field,
            passkeys: AccountPasskeyLinks(
                script: Endpoints.passkeyScriptPath, add: Endpoints.addPasskeyPath, remove: Endpoints.removePasskeyPath,
                registrationOptions: Endpoints.accountRegistrationOptionsPath, assertionOptions: Endpoints.accountAssertionOptionsPath,
                passkeyIDField: Schemas.passkeyIDField
            )
        )
    }

    /// `303` to the sign-in page, removing a cookie whose session has ended.
    private func signInAgain(hadCookie: Bool) -> Response {
        redirect(to: Endpoints.requestPath(for: .login), setting: hadCookie ? session.clearingCookie : nil)
    }

    private func redirect(to path: String, setting cookie: String?) -> Response {
        var response = Response(status: .seeOther, headers: [.location: path])
        if let cookie { response.headers[.setCookie] = cookie }
        return response
    }
}
