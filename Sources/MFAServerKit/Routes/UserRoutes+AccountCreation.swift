import Hummingbird
import MFACore

extension UserRoutes {
    var accountCreation: [Route] {
        [
            Route(.post, "/users/create") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required("email")
                let password = try fields.required("password")
                let fullName = try fields.optional("full_name")
                try fields.checkComplete()
                try await service.requestAccountCreation(email: email, password: password, fullName: fullName)
                return try accepted("If this address can be used, a confirmation link has been sent to it.")
            },
            Route(.post, "/users/create/mfa") { request, context in
                var fields = try await jsonFields(request, context)
                let passwordAgain = try fields.required("password_again")
                try fields.checkComplete()
                let enrollment = try await service.confirmAccountCreation(token: request.oneTimeToken, passwordAgain: passwordAgain)
                return try .json(EnrollmentBody(detail: "Account created.", includingEmail: true, enrollment: enrollment), status: .created)
            },
        ]
    }
}
