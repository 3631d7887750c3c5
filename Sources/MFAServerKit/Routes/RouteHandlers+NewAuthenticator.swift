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
        authenticatorReplacement(.newAuthenticator, success) { fields, token, client in
            let factor = try fields.secondFactor()
            try fields.checkComplete()
            return try await service.confirmNewAuthenticator(token: token, secondFactor: factor, from: client)
        }
    }

    /// The link of `mfa-server accounts reset-authenticator`, which asks for no field.
    func confirmAuthenticatorReset(_ success: Endpoint.Success) -> RouteHandler {
        authenticatorReplacement(.authenticatorResetByOperator, success) { _, token, client in
            try await service.confirmAuthenticatorReset(token: token, from: client)
        }
    }

    /// A link completion that answers a new enrollment, without the address, or its page.
    private func authenticatorReplacement(
        _ purpose: LinkPurpose, _ success: Endpoint.Success,
        complete: @escaping @Sendable (inout RequestFields, _ token: String, ClientNetwork) async throws -> Enrollment
    ) -> RouteHandler {
        linkCompletion(
            purpose, status: success.httpStatus, complete: complete,
            json: { EnrollmentBody(detail: success.description, includingEmail: false, enrollment: $0) },
            page: Pages.authenticatorReplaced
        )
    }
}
