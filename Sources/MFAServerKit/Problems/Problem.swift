import Hummingbird
import MFACore

/// An ``MFAError`` on its way to becoming an `application/problem+json` answer.
struct Problem: Error {
    /// The error the answer describes.
    var error: MFAError
    /// For `405`, the methods the route does accept.
    var allowedMethods: [HTTPRequest.Method] = []

    /// The answer: status, problem body, and the headers the contract asks for.
    func response() throws -> Response {
        var response = try Response.json(
            ProblemBody(error), status: .init(code: error.status), contentType: "application/problem+json"
        )
        switch error {
        case .rateLimited(let seconds):
            response.headers[.retryAfter] = String(seconds)
        case .methodNotAllowed:
            response.headers[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        case .unauthorized:
            // RFC 6750 §3: a 401 for a bearer-protected resource names the scheme.
            response.headers[.wwwAuthenticate] = "Bearer"
        default:
            break
        }
        return response
    }
}
