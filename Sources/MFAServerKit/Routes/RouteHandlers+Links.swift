import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    /// The `GET` an emailed link opens: its form, or a `410` page for a dead
    /// token. It consumes nothing, since mail scanners open links too.
    func linkPage(_ purpose: LinkPurpose) -> RouteHandler {
        { request, _ in
            let token = request.oneTimeToken
            do throws(MFAError) {
                try await service.checkLink(token: token, purpose: purpose)
                let page = Pages.form(
                    for: purpose, action: ServerLinks.formAction(for: purpose, token: token), passkeys: passkeyPageLinks(purpose, token: token)
                )
                return .page(page, status: .ok)
            } catch {
                return .page(Pages.error(error.page), showing: error)
            }
        }
    }

    /// Where the page of link `token` sends its passkey requests: `nil` when passkeys are
    /// off or the link's completion takes no second factor.
    func passkeyPageLinks(_ purpose: LinkPurpose, token: String) -> PasskeyPageLinks? {
        guard service.passkeysAvailable, Endpoints.secondFactorPurposes.contains(purpose) else { return nil }
        return PasskeyPageLinks(script: Endpoints.passkeyScriptPath, options: ServerLinks.passkeyOptions(for: purpose, token: token))
    }

    /// The `POST` behind an emailed link: JSON in and out, or a form in and a
    /// page out, both doing the same `complete`.
    ///
    /// - Parameters:
    ///   - status: The success status of both variants.
    ///   - complete: Reads the fields it needs and calls the service with the link's token and the client's network.
    ///   - json: The JSON answer to the outcome.
    ///   - page: The page showing the outcome.
    func linkCompletion<Outcome: Sendable>(
        _ purpose: LinkPurpose,
        status: HTTPResponse.Status,
        complete: @escaping @Sendable (inout RequestFields, _ token: String, ClientNetwork) async throws -> Outcome,
        json: @escaping @Sendable (Outcome) -> any Encodable,
        page: @escaping @Sendable (Outcome) -> String
    ) -> RouteHandler {
        linkCompletion(purpose, status: status, complete: complete, json: json, formAnswer: { .page(page($0), status: status) })
    }

    /// ``linkCompletion(_:status:complete:json:page:)`` whose form post answers
    /// `formAnswer`, such as a redirect, rather than a page with the success status.
    func linkCompletion<Outcome: Sendable>(
        _ purpose: LinkPurpose,
        status: HTTPResponse.Status,
        complete: @escaping @Sendable (inout RequestFields, _ token: String, ClientNetwork) async throws -> Outcome,
        json: @escaping @Sendable (Outcome) -> any Encodable,
        formAnswer: @escaping @Sendable (Outcome) -> Response
    ) -> RouteHandler {
        { request, context in
            let format = try request.bodyFormat(accepting: [.json, .form])
            let token = request.oneTimeToken
            do {
                try await admit(context)
                var fields = try await request.readFields(format: format, context: context)
                let outcome = try await complete(&fields, token, context.clientNetwork)
                switch format {
                case .json: return try .json(json(outcome), status: status)
                case .form: return formAnswer(outcome)
                }
            } catch let problem as any HTTPProblem where format == .form {
                let action = ServerLinks.formAction(for: purpose, token: token)
                let page = Pages.form(for: purpose, action: action, problem: problem.page, passkeys: passkeyPageLinks(purpose, token: token))
                return .page(page, showing: problem)
            }
        }
    }
}
