import Hummingbird
import MFACore

extension RouteHandlers {
    func profile(_ success: Endpoint.Success) -> RouteHandler {
        { request, _ in
            let profile = try await service.authenticate(sessionToken: request.bearerToken)
            return try .json(ProfileBody(profile: profile), status: success.httpStatus)
        }
    }

    func logout(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            try await admit(context)
            try await service.logout(sessionToken: request.bearerToken)
            return Response(status: success.httpStatus)
        }
    }
}
