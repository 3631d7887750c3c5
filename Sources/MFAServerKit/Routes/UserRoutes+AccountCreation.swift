import Hummingbird
import MFACore
import MFAWebPages

extension UserRoutes {
    var accountCreation: [Route] {
        [
            Route(.post, "/users/create") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required(.email)
                let password = try fields.required(.password)
                let fullName = try fields.optional(.fullName)
                try fields.checkComplete()
                try await service.requestAccountCreation(email: email, password: password, fullName: fullName, from: context.clientNetwork)
                return try accepted("If this address can be used, a confirmation link has been sent to it.")
            },
            linkPage(.createAccount),
            linkCompletion(
                .createAccount, status: .created,
                complete: { fields, token in
                    let passwordAgain = try fields.required(.passwordAgain)
                    try fields.checkComplete()
                    return try await service.confirmAccountCreation(token: token, passwordAgain: passwordAgain)
                },
                json: { EnrollmentBody(detail: "Account created.", includingEmail: true, enrollment: $0) },
                page: Pages.accountCreated
            ),
        ]
    }
}
