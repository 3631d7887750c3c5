import Hummingbird
import MFACore
import Prometheus

/// What answers one route: decode, call ``MFAService``, encode.
typealias RouteHandler = @Sendable (Request, MFARequestContext) async throws -> Response

/// The handlers of the endpoint table's routes, over one service.
///
/// Each handler is named after its route's workflow; ``Endpoints`` says which
/// route it answers, with which success status and sentence.
struct RouteHandlers: Sendable {
    let service: MFAService
    let metrics: PrometheusCollectorRegistry

    /// Counts a `POST /users/...` request against the client network's limit.
    func admit(_ context: MFARequestContext) async throws(MFAError) {
        try await service.admitRequest(from: context.clientNetwork)
    }

    /// Admits the client and reads a JSON body's fields.
    func jsonFields(_ request: Request, _ context: MFARequestContext) async throws -> RequestFields {
        try await admit(context)
        let format = try request.bodyFormat(accepting: [.json])
        return try await request.readFields(format: format, context: context)
    }

    /// A route that emails a link: admits the client, reads the fields with
    /// `request` (given the client's network, which the link limits count by),
    /// and answers the table's status with its sentence, the same whatever happened.
    func linkRequest(
        _ success: Endpoint.Success,
        _ request: @escaping @Sendable (inout RequestFields, ClientNetwork) async throws -> Void
    ) -> RouteHandler {
        { httpRequest, context in
            var fields = try await jsonFields(httpRequest, context)
            try await request(&fields, context.clientNetwork)
            return try .json(DetailBody(detail: success.description), status: success.httpStatus)
        }
    }
}
