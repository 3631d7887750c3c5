import Hummingbird
import MFACore

extension UserRoutes {
    var newAuthenticator: [Route] {
        [
            Route(.post, "/users/mfa/new_totp_code") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required("email")
                let password = try fields.required("password")
                try fields.checkComplete()
                try await service.requestNewAuthenticator(email: email, password: password)
                return try accepted("If the credentials are correct, a link to set up a new authenticator has been sent.")
            },
            Route(.post, "/users/mfa/new_totp_code/confirm") { request, context in
                _ = try await jsonFields(request, context)
                let enrollment = try await service.confirmNewAuthenticator(token: request.oneTimeToken)
                return try .json(
                    EnrollmentBody(detail: "New authenticator secret issued.", includingEmail: false, enrollment: enrollment),
                    status: .ok
                )
            },
        ]
    }
}
