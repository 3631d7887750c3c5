import Hummingbird
import MFACore

/// One route of the HTTP contract, described once: the router registers its
/// handler, and the OpenAPI document and `/docs` describe it.
struct Endpoint: Sendable {
    /// Makes the route's handler from the server's handlers and the route's success answer.
    typealias Handler = @Sendable (RouteHandlers, Success) -> RouteHandler

    /// The HTTP methods the contract uses.
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case delete = "DELETE"

        /// The method as Hummingbird spells it.
        var http: HTTPRequest.Method {
            switch self {
            case .get: .get
            case .post: .post
            case .delete: .delete
            }
        }
    }

    /// What a caller needs besides the body.
    enum Access: Sendable {
        /// Nothing.
        case open
        /// The token of an emailed link, as the `one_time_url` query parameter.
        case link
        /// A session token, as `Authorization: Bearer`.
        case session
        /// The browser's session cookie, and for a post the form's anti-forgery token.
        case cookie
    }

    /// The body a route accepts.
    struct Request: Sendable {
        /// One schema, or several of which the body must match exactly one.
        let alternatives: [BodySchema]
        /// Whether the HTML pages' `application/x-www-form-urlencoded` variant is accepted too.
        let acceptsForm: Bool
        /// Whether JSON is accepted: not for the cookie session's forms.
        var acceptsJSON = true
        /// Whether a body must be sent at all.
        var isRequired = true
    }

    /// What a successful response carries.
    enum Content: Sendable {
        /// No body.
        case none
        /// A JSON object.
        case json(BodySchema)
        /// A JSON object, or an HTML page when the request was form-encoded.
        case jsonOrPage(BodySchema)
        /// An HTML page.
        case page
        /// Another media type, such as Prometheus text.
        case other(mediaType: String, description: String)
    }

    /// A success response.
    struct Success: Sendable {
        let status: Int
        let description: String
        let content: Content

        /// The status as Hummingbird spells it.
        var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }
    }

    /// The section of the reference the route belongs to (an OpenAPI tag).
    let group: String
    let method: Method
    /// The contract's canonical spelling; the other spelling (with or without the trailing slash) answers the same.
    /// A segment in braces, such as `{id}`, is a parameter: ``pathParameters`` describes it.
    let path: String
    let summary: String
    /// Sentences of plain text with no markup, so that both formats can show them.
    let description: String
    var access: Access = .open
    var request: Request?
    let success: Success
    /// The errors the route can answer, one example of each.
    var errors: [any HTTPProblem] = []
    /// What each `{name}` segment of the path holds, by name.
    var pathParameters: [(name: String, description: String)] = []
    /// What answers the route.
    let handler: Handler

    /// The path the router registers: the canonical spelling without its trailing slash,
    /// since the router answers both spellings, and with Hummingbird's `:name` for `{name}`.
    var routePath: String {
        let canonical = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return canonical.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// The route the router serves.
    func route(_ handlers: RouteHandlers) -> Route {
        Route(method.http, routePath, handler: handler(handlers, success))
    }

    /// Whether error responses may be HTML pages: for the routes behind emailed links and the routes that take forms.
    var answersPagesOnError: Bool { access == .link || access == .cookie || request?.acceptsForm == true }

    /// Whether error responses may be `application/problem+json`: every route except the pages' `GET`s, which only show a page.
    var answersProblemsOnError: Bool { !((access == .link || access == .cookie) && method == .get) }
}
