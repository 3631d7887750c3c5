import Hummingbird
import MFACore
import MFAPages
import MFAWebAuthn

/// The passkey API: options, registration, the list and removal from a bearer session,
/// the options of a passkey as second factor through a link, and signing in with a
/// passkey alone.
extension RouteHandlers {
    /// Admits the request, checks the bearer session before anything else (so that a
    /// caller without one learns only that) and reads the JSON body.
    private func sessionFields(_ request: Request, _ context: MFARequestContext) async throws -> RequestFields {
        try await admit(context)
        _ = try await service.authenticate(sessionToken: request.bearerToken)
        return try await request.readFields(format: request.bodyFormat(accepting: [.json]), context: context)
    }

    /// Admits the request and reads its JSON body, which options routes ignore but do check.
    private func optionsRequest(_ request: Request, _ context: MFARequestContext) async throws {
        try await admit(context)
        _ = try await request.readFields(format: request.bodyFormat(accepting: [.json]), context: context)
    }

    func passkeyRegistrationOptions(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            _ = try await sessionFields(request, context)
            let options = try await service.passkeyRegistrationOptions(sessionToken: request.bearerToken)
            return try .json(PublicKeyBody(publicKey: options), status: success.httpStatus)
        }
    }

    func registerPasskey(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            var fields = try await sessionFields(request, context)
            let (credential, name) = try Self.registration(from: &fields)
            let passkey = try await service.registerPasskey(
                sessionToken: request.bearerToken, credential: credential, name: name, from: context.clientNetwork
            )
            return try .json(PasskeyBody(passkey: passkey, includesLastUse: false), status: success.httpStatus)
        }
    }

    /// The `credential` and `name` of a registration, JSON or form.
    static func registration(from fields: inout RequestFields) throws -> (RegistrationResponseJSON, String?) {
        let credential = try fields.required(.credential, as: RegistrationResponseJSON.self)
        let name = try fields.optional(.name)
        try fields.checkComplete()
        // Complete, so present.
        return (credential!, name)
    }

    func listPasskeys(_ success: Endpoint.Success) -> RouteHandler {
        { request, _ in
            let passkeys = try await service.passkeys(sessionToken: request.bearerToken)
            return try .json(PasskeyListBody(passkeys), status: success.httpStatus)
        }
    }

    func removePasskey(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            var fields = try await sessionFields(request, context)
            let factor = try fields.secondFactor()
            try fields.checkComplete()
            let id = context.parameters.get("id") ?? ""
            try await service.removePasskey(sessionToken: request.bearerToken, id: id, secondFactor: factor, from: context.clientNetwork)
            return Response(status: success.httpStatus)
        }
    }

    func sessionAssertionOptions(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            _ = try await sessionFields(request, context)
            let options = try await service.passkeyAssertionOptions(sessionToken: request.bearerToken)
            return try .json(PublicKeyBody(publicKey: options), status: success.httpStatus)
        }
    }

    func linkAssertionOptions(_ purpose: LinkPurpose, _ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            try await optionsRequest(request, context)
            let options = try await service.passkeyAssertionOptions(
                linkToken: request.oneTimeToken, purpose: purpose, from: context.clientNetwork
            )
            return try .json(PublicKeyBody(publicKey: options), status: success.httpStatus)
        }
    }

    func passkeySignInOptions(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            try await optionsRequest(request, context)
            return try .json(PublicKeyBody(publicKey: try await service.passkeySignInOptions()), status: success.httpStatus)
        }
    }

    /// JSON in and the login answer out; or the sign-in page's form in, and the browser
    /// session with `303` to the account page out (the sign-in page again on failure).
    func signInWithPasskey(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            let format = try request.bodyFormat(accepting: [.json, .form])
            do {
                try await admit(context)
                var fields = try await request.readFields(format: format, context: context)
                let credential: AuthenticationResponseJSON?
                do {
                    credential = try fields.required(.credential, as: AuthenticationResponseJSON.self)
                } catch is MFAError {
                    // Any failure of the credential is one answer, whatever its shape.
                    throw MFAError.authenticationFailed
                }
                try fields.checkComplete()
                // Complete, so present.
                let login = try await service.signInWithPasskey(credential!, from: context.clientNetwork)
                switch format {
                case .json: return try .json(LoginBody(result: login), status: success.httpStatus)
                case .form: return signedInBrowser(login.sessionToken)
                }
            } catch let problem as any HTTPProblem where format == .form {
                let page = Pages.start(
                    for: .login, action: Endpoints.requestPath(for: .login), home: Endpoints.homePath,
                    passkeys: passkeyPageLinks(), problem: problem.page
                )
                return .page(page, showing: problem)
            }
        }
    }

    func passkeyScript() -> RouteHandler {
        { _, _ in
            Response(
                status: .ok, headers: [.contentType: PasskeyScript.contentType],
                body: .init(byteBuffer: ByteBuffer(string: PasskeyScript.source))
            )
        }
    }
}
