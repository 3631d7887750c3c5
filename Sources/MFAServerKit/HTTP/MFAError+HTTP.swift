import HTTPTypes
import Hummingbird
import MFACore

/// The HTTP face of the domain's errors: status, machine code and title.
extension MFAError: HTTPProblem {
    /// The HTTP status the contract gives this error.
    var status: HTTPResponse.Status {
        switch self {
        case .authenticationFailed, .unauthorized: .unauthorized
        case .notFound: .notFound
        case .linkInvalid: .gone
        case .invalidFields: .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .internal: .internalServerError
        case .unavailable: .serviceUnavailable
        }
    }

    var code: String {
        switch self {
        case .authenticationFailed: "authentication_failed"
        case .unauthorized: "unauthorized"
        case .notFound: RequestError.notFound.code
        case .linkInvalid: "link_invalid"
        case .invalidFields: "validation_failed"
        case .rateLimited: "rate_limited"
        case .internal: "internal_error"
        case .unavailable: "unavailable"
        }
    }

    var title: String {
        switch self {
        case .authenticationFailed: "Authentication failed"
        case .unauthorized: "Unauthorized"
        case .notFound: RequestError.notFound.title
        case .linkInvalid: "Link invalid"
        case .invalidFields: "Validation failed"
        case .rateLimited: "Too many requests"
        case .internal: "Internal error"
        case .unavailable: "Service unavailable"
        }
    }

    var fieldErrors: [FieldErrorBody] {
        guard case .invalidFields(let errors) = self else { return [] }
        return errors.map { FieldErrorBody(field: $0.field.wireName, message: $0.message) }
    }

    var retryAfterSeconds: Int? {
        guard case .rateLimited(let seconds) = self else { return nil }
        return seconds
    }

    var headers: HTTPFields {
        switch self {
        case .rateLimited(let seconds): [.retryAfter: String(seconds)]
        // RFC 6750 §3: a 401 for a bearer-protected resource names the scheme.
        case .unauthorized: [.wwwAuthenticate: "Bearer"]
        default: [:]
        }
    }
}
