import Hummingbird
import MFACore

/// The `/users/...` routes: each decodes, calls ``MFAService``, and encodes.
struct UserRoutes {
    let service: MFAService

    var all: [Route] {
        accountCreation + login + newAuthenticator + deletion + password + sessions
    }

    /// Counts a `POST /users/...` request against the client network's limit.
    func admit(_ context: MFARequestContext) async throws(MFAError) {
        try await service.admitRequest(from: context.clientNetwork)
    }

    /// Admits the client and reads a JSON body's fields.
    func jsonFields(_ request: Request, _ context: MFARequestContext) async throws -> RequestFields {
        try await admit(context)
        let format = try request.bodyFormat(accepting: [.json])
        return try await request.readFields(format: format)
    }

    /// `202` with the contract's sentence, the same whatever happened.
    func accepted(_ detail: String) throws -> Response {
        try .json(DetailBody(detail: detail), status: .accepted)
    }
}
