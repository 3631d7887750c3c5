import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    func requestNewAuthenticator(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(.newAuthenticator, success) { fields, client in
            let email = try fields.required(.email)
            let password = try fields.required(.password)
            try fields.checkComplete()
            try await service.requestNewAuthenticator(email: email, password: password, from: client)
        }
    }

    func confirmNewAuthenticator(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .newAuthenticator, status: success.httpStatus,
            complete: { fields, token, client in
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                return try await service.confirmNewAuthenticator(token: token, secondFactor: factor, from: client)
            },
            json: { EnrollmentBody(detail: success.description, includingEmail: false, enrollment: $0) },
            page: Pages.authenticatorReplaced
        )
    }
}
