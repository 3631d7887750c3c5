import Hummingbird
import MFACore
import MFAPages

/// What answers one route: decode, call ``MFAService``, encode.
typealias RouteHandler = @Sendable (Request, MFARequestContext) async throws -> Response

/// The handlers of the endpoint table's routes, over one service.
///
/// Each handler is named after its route's workflow; ``Endpoints`` says which
/// route it answers, with which success status and sentence.
struct RouteHandlers: Sendable {
    let service: MFAService

    /// The second factors the bearer routes take, as the contract lists them: a TOTP code or a passkey.
    static let sessionFactors: [Field] = [.totpCode, .passkey]

    /// Counts a `POST /users/...` request against the client network's limit.
    func admit(_ context: MFARequestContext) async throws(MFAError) {
        try await service.admitRequest(from: context.clientNetwork)
    }

    /// A route that emails a link: admits the client, reads the fields with
    /// `request` (given the client's network, which the link limits count by),
    /// and answers the table's status with its sentence, the same whatever
    /// happened: JSON, or after a form post the "check your email" page.
    /// A form post that fails gets the start page again, its address kept.
    func linkRequest(
        _ purpose: LinkPurpose, _ success: Endpoint.Success,
        _ request: @escaping @Sendable (inout RequestFields, ClientNetwork) async throws -> Void
    ) -> RouteHandler {
        { httpRequest, context in
            let format = try httpRequest.bodyFormat(accepting: [.json, .form])
            var email = ""
            do {
                try await admit(context)
                var fields = try await httpRequest.readFields(format: format, context: context)
                email = (try? fields.optional(.email)) ?? ""
                try await request(&fields, context.clientNetwork)
                switch format {
                case .json: return try .json(DetailBody(detail: success.description), status: success.httpStatus)
                case .form: return .page(Pages.linkSent(detail: success.description, home: Endpoints.homePath), status: success.httpStatus)
                }
            } catch let problem as any HTTPProblem where format == .form {
                let page = Pages.start(
                    for: purpose, action: Endpoints.requestPath(for: purpose), home: Endpoints.homePath,
                    email: email, passkeys: passkeyPageLinks(), problem: problem.page
                )
                return .page(page, showing: problem)
            }
        }
    }
}
