/// The API's own documentation, for the server's `/openapi.json` and `/docs`.
///
/// Both are built from the endpoint table (``Endpoints``) that also registers
/// the routes, so they always list exactly the routes the server serves.
public enum APIDocumentation {
    /// A route the documentation describes.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        /// The HTTP method, upper case: `GET` or `POST`.
        public let method: String
        /// The contract's canonical spelling of the path, such as `/users/create/`
        /// or `/users/me`. The server answers the other spelling, with or without
        /// the trailing slash, as the same route; the documentation lists it once.
        public let path: String

        /// Creates a route.
        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }

        /// `METHOD /path`.
        public var description: String { "\(method) \(path)" }
    }

    /// Every route of the contract, in the contract's order: the `(method, path)`
    /// pairs of ``openAPIDocument``.
    public static let routes: [Route] = Endpoints.all.map { Route(method: $0.method.rawValue, path: $0.path) }

    /// The OpenAPI 3.1 document of every route, as JSON text: request bodies (JSON,
    /// and form-encoded for the link routes), responses, the problem documents with
    /// their `code` enum, `Retry-After` on `429`, the bearer scheme, the
    /// `one_time_url` parameter and the HTML pages. Serve it as `application/json`.
    public static let openAPIDocument: String = OpenAPIDocument.json.serialized() + "\n"

    /// The `/docs` page: the whole contract (routes, fields, statuses, error codes,
    /// limits and configuration) as one self-contained HTML document. Serve it like
    /// the other pages, with `Pages.contentType` and `Pages.securityHeaders`.
    public static let referencePage: String = ReferencePage.html
}
