import Hummingbird
import MFACore
import MFAWebPages

extension UserRoutes {
    var password: [Route] {
        [
            Route(.post, "/users/password/reset") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required(.email)
                try fields.checkComplete()
                try await service.requestPasswordReset(email: email, from: context.clientNetwork)
                return try accepted("If an account exists for this address, a password reset link has been sent to it.")
            },
            linkPage(.passwordReset),
            linkCompletion(
                .passwordReset, status: .ok,
                complete: { fields, token in
                    let newPassword = try fields.required(.newPassword)
                    let factor = try fields.secondFactor()
                    try fields.checkComplete()
                    try await service.confirmPasswordReset(token: token, newPassword: newPassword, secondFactor: factor)
                },
                json: { _ in DetailBody(detail: "Password changed.") },
                page: { _ in Pages.passwordChanged() }
            ),
            Route(.post, "/users/password/change") { request, context in
                try await admit(context)
                // The session is checked before the body, so that a caller
                // without one learns only that, whatever it sent.
                _ = try await service.authenticate(sessionToken: request.bearerToken)
                var fields = try await request.readFields(format: request.bodyFormat(accepting: [.json]))
                let currentPassword = try fields.required(.currentPassword)
                let newPassword = try fields.required(.newPassword)
                let totpCode = try fields.required(.totpCode)
                try fields.checkComplete()
                try await service.changePassword(
                    sessionToken: request.bearerToken, currentPassword: currentPassword,
                    newPassword: newPassword, totpCode: totpCode
                )
                return try .json(DetailBody(detail: "Password changed."), status: .ok)
            },
        ]
    }
}
