import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    func requestLogin(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(success) { fields, client in
            let email = try fields.required(.email)
            try fields.checkComplete()
            try await service.requestLogin(email: email, from: client)
        }
    }

    func completeLogin(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .login, status: success.httpStatus,
            complete: { fields, token in
                let password = try fields.required(.password)
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                return try await service.completeLogin(token: token, password: password, secondFactor: factor)
            },
            json: LoginBody.init,
            page: Pages.signedIn
        )
    }
}
