import MFACore
import MFAPages
@testable import MFAServerKit

/// The pages as the server fills them: its form addresses and its wording of problems.
extension Pages {
    static func form(for purpose: LinkPurpose, token: String, problem: MFAError? = nil) -> String {
        form(for: purpose, action: ServerLinks.formAction(for: purpose, token: token), problem: problem?.page)
    }

    static func form(for purpose: LinkPurpose, token: String, problem: RequestError) -> String {
        form(for: purpose, action: ServerLinks.formAction(for: purpose, token: token), problem: problem.page)
    }

    static func start(for purpose: LinkPurpose, email: String = "", problem: MFAError? = nil) -> String {
        start(for: purpose, action: Endpoints.requestPath(for: purpose), home: Endpoints.homePath, email: email, problem: problem?.page)
    }

    /// The account page of `overview` with the server's form addresses and a token.
    static func account(_ overview: AccountOverview, problem: MFAError? = nil) -> String {
        let forms = AccountPageForms(
            signOut: Endpoints.signOutPath, changePassword: Endpoints.passwordChangePath,
            newAuthenticator: Endpoints.requestPath(for: .newAuthenticator), home: Endpoints.homePath,
            antiForgeryToken: AntiForgery.token(forSession: "session"), antiForgeryField: AntiForgery.field
        )
        return account(overview, forms: forms, problem: problem?.page)
    }

    static func error(_ error: MFAError) -> String { self.error(error.page) }

    static func error(_ error: RequestError) -> String { self.error(error.page) }

    static func error(_ error: any HTTPProblem) -> String { self.error(error.page) }
}

extension LinkPurpose {
    /// The path of the page a link of this purpose opens.
    var path: String { Endpoints.linkPath(for: self) }
}
