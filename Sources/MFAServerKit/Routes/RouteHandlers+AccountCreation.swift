import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    func requestAccountCreation(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(.createAccount, success) { fields, client in
            let email = try fields.required(.email)
            let password = try fields.required(.password)
            let fullName = try fields.optional(.fullName)
            try fields.checkComplete()
            try await service.requestAccountCreation(email: email, password: password, fullName: fullName, from: client)
        }
    }

    func confirmAccountCreation(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .createAccount, status: success.httpStatus,
            complete: { fields, token, client in
                let passwordAgain = try fields.required(.passwordAgain)
                try fields.checkComplete()
                return try await service.confirmAccountCreation(token: token, passwordAgain: passwordAgain, from: client)
            },
            json: { EnrollmentBody(detail: success.description, includingEmail: true, enrollment: $0) },
            page: Pages.accountCreated
        )
    }
}
