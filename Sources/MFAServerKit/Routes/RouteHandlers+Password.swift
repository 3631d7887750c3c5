import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    func requestPasswordReset(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(.passwordReset, success) { fields, client in
            let email = try fields.required(.email)
            try fields.checkComplete()
            try await service.requestPasswordReset(email: email, from: client)
        }
    }

    func confirmPasswordReset(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .passwordReset, status: success.httpStatus,
            complete: { fields, token, client in
                let newPassword = try fields.required(.newPassword)
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                try await service.confirmPasswordReset(token: token, newPassword: newPassword, secondFactor: factor, from: client)
            },
            json: { _ in DetailBody(detail: success.description) },
            page: { _ in Pages.passwordChanged() }
        )
    }

    func changePassword(_ success: Endpoint.Success) -> RouteHandler {
        { request, context in
            try await admit(context)
            // The session is checked before the body, so that a caller
            // without one learns only that, whatever it sent.
            _ = try await service.authenticate(sessionToken: request.bearerToken)
            var fields = try await request.readFields(format: request.bodyFormat(accepting: [.json]), context: context)
            let currentPassword = try fields.required(.currentPassword)
            let newPassword = try fields.required(.newPassword)
            let factor = try fields.secondFactor(RouteHandlers.sessionFactors)
            try fields.checkComplete()
            try await service.changePassword(
                sessionToken: request.bearerToken, currentPassword: currentPassword,
                newPassword: newPassword, secondFactor: factor, from: context.clientNetwork
            )
            return try .json(DetailBody(detail: success.description), status: success.httpStatus)
        }
    }
}
