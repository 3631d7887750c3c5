import Hummingbird
import MFACore
import MFAWebPages

extension UserRoutes {
    var login: [Route] {
        [
            Route(.post, "/users/login") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required(.email)
                try fields.checkComplete()
                try await service.requestLogin(email: email, from: context.clientNetwork)
                return try accepted("If an account exists for this address, a sign-in link has been sent to it.")
            },
            linkPage(.login),
            linkCompletion(
                .login, status: .ok,
                complete: { fields, token in
                    let password = try fields.required(.password)
                    let factor = try fields.secondFactor()
                    try fields.checkComplete()
                    return try await service.completeLogin(token: token, password: password, secondFactor: factor)
                },
                json: LoginBody.init,
                page: Pages.signedIn
            ),
        ]
    }
}
