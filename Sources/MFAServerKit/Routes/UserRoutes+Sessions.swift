import Hummingbird
import MFACore

extension UserRoutes {
    var sessions: [Route] {
        [
            Route(.get, "/users/me") { request, _ in
                let profile = try await service.authenticate(sessionToken: request.bearerToken)
                return try .json(ProfileBody(profile: profile), status: .ok)
            },
            Route(.post, "/users/logout") { request, context in
                try await admit(context)
                try await service.logout(sessionToken: request.bearerToken)
                return Response(status: .noContent)
            },
        ]
    }
}
