import Hummingbird
import MFACore
import MFAWebPages

extension UserRoutes {
    var deletion: [Route] {
        [
            Route(.post, "/users/delete") { request, context in
                var fields = try await jsonFields(request, context)
                let email = try fields.required(.email)
                let password = try fields.required(.password)
                try fields.checkComplete()
                try await service.requestDeletion(email: email, password: password, from: context.clientNetwork)
                return try accepted("If the credentials are correct, a confirmation link has been sent.")
            },
            linkPage(.deleteAccount),
            linkCompletion(
                .deleteAccount, status: .ok,
                complete: { _, token in try await service.confirmDeletion(token: token) },
                json: { _ in DetailBody(detail: "Account deleted.") },
                page: { _ in Pages.accountDeleted() }
            ),
        ]
    }
}
