import Hummingbird
import MFACore
import MFAPages

extension RouteHandlers {
    func requestDeletion(_ success: Endpoint.Success) -> RouteHandler {
        linkRequest(.deleteAccount, success) { fields, client in
            let email = try fields.required(.email)
            let password = try fields.required(.password)
            try fields.checkComplete()
            try await service.requestDeletion(email: email, password: password, from: client)
        }
    }

    func confirmDeletion(_ success: Endpoint.Success) -> RouteHandler {
        linkCompletion(
            .deleteAccount, status: success.httpStatus,
            complete: { fields, token, client in
                let factor = try fields.secondFactor()
                try fields.checkComplete()
                try await service.confirmDeletion(token: token, secondFactor: factor, from: client)
            },
            json: { _ in DetailBody(detail: success.description) },
            page: { _ in Pages.accountDeleted() }
        )
    }
}
