/// Every way a workflow can fail, one case per error code of the HTTP contract.
///
/// The server translates these into `application/problem+json` answers without
/// deciding anything itself: ``code`` is the contract's machine code and
/// ``status`` its HTTP status. Messages never carry secrets or internal detail.
public enum MFAError: Error, Sendable, Equatable {
    /// The request body is not valid JSON, not an object, or a field has the wrong type.
    case malformedRequest(String)
    /// A wrong password, TOTP code or recovery code at a link completion. Never says which.
    case authenticationFailed
    /// A missing, unknown, expired or revoked session token.
    case unauthorized
    /// An unknown route.
    case notFound
    /// A known route called with another method.
    case methodNotAllowed
    /// A one-time token that is unknown, expired, used, burned or made for another purpose.
    case linkInvalid
    /// A request body over the size limit.
    case payloadTooLarge
    /// A request body of a type the route does not accept.
    case unsupportedMediaType
    /// A well-formed request whose values break a rule, with one message per field.
    case validationFailed([FieldError])
    /// A limit was hit; try again after `retryAfterSeconds`.
    case rateLimited(retryAfterSeconds: Int)
    /// Something failed that the caller cannot fix. Carries no detail on purpose.
    case internalError
    /// The store cannot be reached, or the service is shutting down or overloaded.
    case unavailable

    /// A rule broken by one field of a request.
    public struct FieldError: Sendable, Equatable, Codable {
        /// The field's name as the contract spells it, e.g. `password`.
        public var field: String
        /// What is wrong, in words a user can act on.
        public var message: String

        /// Creates a field error.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The contract's stable machine code, e.g. `link_invalid`.
    public var code: String {
        switch self {
        case .malformedRequest: "malformed_request"
        case .authenticationFailed: "authentication_failed"
        case .unauthorized: "unauthorized"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .linkInvalid: "link_invalid"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .validationFailed: "validation_failed"
        case .rateLimited: "rate_limited"
        case .internalError: "internal_error"
        case .unavailable: "unavailable"
        }
    }

    /// The HTTP status the contract gives this error.
    public var status: Int {
        switch self {
        case .malformedRequest: 400
        case .authenticationFailed, .unauthorized: 401
        case .notFound: 404
        case .methodNotAllowed: 405
        case .linkInvalid: 410
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .validationFailed: 422
        case .rateLimited: 429
        case .internalError: 500
        case .unavailable: 503
        }
    }

    /// A short, human-readable summary of the problem type.
    public var title: String {
        switch self {
        case .malformedRequest: "Malformed request"
        case .authenticationFailed: "Authentication failed"
        case .unauthorized: "Unauthorized"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .linkInvalid: "Link invalid"
        case .payloadTooLarge: "Payload too large"
        case .unsupportedMediaType: "Unsupported media type"
        case .validationFailed: "Validation failed"
        case .rateLimited: "Too many requests"
        case .internalError: "Internal error"
        case .unavailable: "Service unavailable"
        }
    }

    /// A sentence for the user; the same for every cause of the error, so it reveals nothing.
    public var detail: String {
        switch self {
        case .malformedRequest(let reason): reason
        case .authenticationFailed: "The credentials are not correct."
        case .unauthorized: "A valid session token is required."
        case .notFound: "There is nothing at this address."
        case .methodNotAllowed: "This route does not accept this method."
        case .linkInvalid: "This link is invalid or has expired."
        case .payloadTooLarge: "The request body is larger than 16 KiB."
        case .unsupportedMediaType: "The request body must be application/json."
        case .validationFailed: "Some fields are not valid."
        case .rateLimited(let seconds): "Too many attempts. Try again in \(seconds) seconds."
        case .internalError: "Something went wrong on our side."
        case .unavailable: "The service is unavailable. Try again shortly."
        }
    }
}
