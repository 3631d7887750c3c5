import Hummingbird
import MFACore
import MFAWebPages

extension UserRoutes {
    var newAuthenticator: [Route] {
        [
            Route(.post, "/users/mfa/new_totp_code") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required(.email)
                let password = try fields.required(.password)
                try fields.checkComplete()
                try await service.requestNewAuthenticator(email: email, password: password, from: context.clientNetwork)
                return try accepted("If the credentials are correct, a link to set up a new authenticator has been sent.")
            },
            linkPage(.newAuthenticator),
            linkCompletion(
                .newAuthenticator, status: .ok,
                complete: { _, token in try await service.confirmNewAuthenticator(token: token) },
                json: { EnrollmentBody(detail: "New authenticator secret issued.", includingEmail: false, enrollment: $0) },
                page: Pages.authenticatorReplaced
            ),
        ]
    }
}
