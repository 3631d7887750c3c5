import Hummingbird

/// One route of the contract: a method, a path without trailing slash, and its handler.
///
/// The server's routes are a plain list, so that the `405` answer and the
/// OpenAPI comparison read the same list the router serves.
public struct Route: Sendable {
    /// The method the route answers.
    public var method: HTTPRequest.Method
    /// The path, e.g. `/users/create`; it answers with and without a trailing slash.
    public var path: String
    let handler: @Sendable (Request, MFARequestContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, handler: @escaping @Sendable (Request, MFARequestContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}

extension [Route] {
    /// The methods served at `requestPath`, `HEAD` with every `GET`, compared
    /// as the router compares paths: empty segments, such as a trailing slash
    /// leaves, do not count, and a `:name` segment matches any one segment. A path
    /// that routes spell out, such as `/users/passkeys/registration`, is theirs
    /// alone, not also a value of `/users/passkeys/:id`, as the `Allow` header and
    /// the OpenAPI document say.
    func methods(servedAt requestPath: String) -> [HTTPRequest.Method] {
        let segments = requestPath.split(separator: "/")
        let matching = filter { route in
            let pattern = route.path.split(separator: "/")
            return pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
        let literal = matching.filter { !$0.path.contains("/:") }
        return (literal.isEmpty ? matching : literal).flatMap { $0.method == .get ? [.get, .head] : [$0.method] }
    }
}
