import Hummingbird
import MFACore

extension RouteHandlers {
    func requestLogin(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(.login, success) { fields, client in
            let email = try fields.required(.email)
            try fields.checkComplete()
            try await service.requestLogin(email: email, from: client)
        }
    }

    func completeLogin(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .login, status: success.httpStatus,
            complete: { fields, token, client in
                let password = try fields.required(.password)
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                return try await service.completeLogin(token: token, password: password, secondFactor: factor, from: client)
            },
            json: LoginBody.init,
            // A sign-in through the page opens the browser session: the cookie, and the account page.
            formAnswer: { signedInBrowser($0.sessionToken) }
        )
    }
}
