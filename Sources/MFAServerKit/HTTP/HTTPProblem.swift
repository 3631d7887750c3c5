import HTTPTypes
import Hummingbird
import MFACore

/// An error as the HTTP contract shows it: an RFC 9457 `application/problem+json`
/// answer with the contract's stable `code`.
///
/// ``MFAError`` (the domain's failures) and ``RequestError`` (requests the
/// server cannot read or route) conform; the problem middleware answers both.
/// In the style of Hummingbird's `HTTPResponseError` (a status and a response),
/// without conforming to it, so that MFACore's type gains no retroactive public conformance.
protocol HTTPProblem: Error {
    /// The HTTP status of the answer.
    var status: HTTPResponse.Status { get }
    /// The contract's machine code, e.g. `link_invalid`.
    var code: String { get }
    /// A short, human-readable summary of the problem type.
    var title: String { get }
    /// A sentence for the user; it reveals nothing about the cause.
    var detail: String { get }
    /// For `validation_failed` only: each field at fault, by the contract's name.
    var fieldErrors: [FieldErrorBody] { get }
    /// For `429` only: the seconds to wait.
    var retryAfterSeconds: Int? { get }
    /// Headers the contract asks for beside the body, such as `Retry-After`.
    var headers: HTTPFields { get }
}

extension HTTPProblem {
    var fieldErrors: [FieldErrorBody] { [] }
    var retryAfterSeconds: Int? { nil }
    var headers: HTTPFields { [:] }

    /// The answer: status, problem body, and the headers the contract asks for.
    func response() throws -> Response {
        var response = try Response.json(ProblemBody(self), status: status, contentType: "application/problem+json")
        response.headers.append(contentsOf: headers)
        return response
    }
}
