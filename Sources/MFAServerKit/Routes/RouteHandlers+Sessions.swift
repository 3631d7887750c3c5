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
            try await service.logout(sessionToken: request.bearerToken, from: context.clientNetwork)
            return Response(status: success.httpStatus)
        }
    }

    func createRecoveryCodes(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            try await admit(context)
            // The session first, as for the password change: a caller without one learns only that.
            _ = try await service.authenticate(sessionToken: request.bearerToken)
            var fields = try await request.readFields(format: request.bodyFormat(accepting: [.json]), context: context)
            let factor = try fields.secondFactor(RouteHandlers.sessionFactors)
            try fields.checkComplete()
            let codes = try await service.createRecoveryCodes(
                sessionToken: request.bearerToken, secondFactor: factor, from: context.clientNetwork
            )
            return try .json(RecoveryCodesBody(recoveryCodes: codes), status: success.httpStatus)
        }
    }
}
