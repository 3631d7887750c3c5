import HTTPTypes
import Hummingbird

/// A request the server cannot read or route, refused before any workflow runs.
enum RequestError: HTTPProblem, Equatable {
    /// The body is not valid JSON or form data, not an object, or a field has the wrong type.
    case malformed(String)
    /// A cookie-session form post without a valid anti-forgery token, or from another site.
    case forbidden
    /// An unknown route.
    case notFound
    /// A known route called with another method; `allowed` are the ones it accepts.
    case methodNotAllowed(allowed: [HTTPRequest.Method])
    /// A body over the request context's `maxUploadSize` (16 KiB).
    case payloadTooLarge
    /// A body of a type the route does not accept.
    case unsupportedMediaType

    var status: HTTPResponse.Status {
        switch self {
        case .malformed: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        }
    }

    var code: String {
        switch self {
        case .malformed: "malformed_request"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        }
    }

    var title: String {
        switch self {
        case .malformed: "Malformed request"
        case .forbidden: "Forbidden"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .payloadTooLarge: "Payload too large"
        case .unsupportedMediaType: "Unsupported media type"
        }
    }

    var detail: String {
        switch self {
        case .malformed(let reason): reason
        case .forbidden: "This form did not come from this site's own page. Open the page again and resend it."
        case .notFound: "There is nothing at this address."
        case .methodNotAllowed: "This route does not accept this method."
        case .payloadTooLarge: "The request body is larger than 16 KiB."
        case .unsupportedMediaType: "The request body must be application/json."
        }
    }

    var headers: HTTPFields {
        guard case .methodNotAllowed(let allowed) = self else { return [:] }
        return [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
    }
}
