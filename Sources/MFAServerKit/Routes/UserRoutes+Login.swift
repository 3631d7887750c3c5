import Hummingbird
import MFACore

extension UserRoutes {
    var login: [Route] {
        [
            Route(.post, "/users/login") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required("email")
                try fields.checkComplete()
                try await service.requestLogin(email: email)
                return try accepted("If an account exists for this address, a sign-in link has been sent to it.")
            },
            Route(.post, "/users/login/mfa") { request, context in
                var fields = try await jsonFields(request, context)
                let password = try fields.required("password")
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                let result = try await service.completeLogin(token: request.oneTimeToken, password: password, secondFactor: factor)
                return try .json(LoginBody(result: result), status: .ok)
            },
        ]
    }
}
