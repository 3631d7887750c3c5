import Hummingbird
import MFACore

extension UserRoutes {
    var deletion: [Route] {
        [
            Route(.post, "/users/delete") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required("email")
                let password = try fields.required("password")
                try fields.checkComplete()
                try await service.requestDeletion(email: email, password: password)
                return try accepted("If the credentials are correct, a confirmation link has been sent.")
            },
            Route(.post, "/users/delete/mfa") { request, context in
                _ = try await jsonFields(request, context)
                try await service.confirmDeletion(token: request.oneTimeToken)
                return try .json(DetailBody(detail: "Account deleted."), status: .ok)
            },
        ]
    }
}
