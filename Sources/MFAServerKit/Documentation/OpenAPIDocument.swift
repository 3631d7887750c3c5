import MFACore

/// Builds the OpenAPI 3.1 document from ``Endpoints`` and ``Schemas``.
enum OpenAPIDocument {
    static var json: JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "mfa-server",
                "version": "1.0.0",
                "summary": "Multi-factor authentication over HTTP: emailed one-time links, passwords, TOTP and recovery codes.",
                "description": .string(APIRules.markdown),
            ],
            "servers": [["url": "http://127.0.0.1:8000", "description": "The default address (MFA_HOST, MFA_PORT)."]],
            "tags": .array(groups.map { ["name": .string($0)] }),
            "paths": paths,
            "components": components,
        ]
    }

    /// The groups in the order their first route appears.
    private static var groups: [String] {
        Endpoints.all.map(\.group).reduce(into: []) { groups, group in
            if !groups.contains(group) { groups.append(group) }
        }
    }

    /// One path item per canonical path, holding each of its methods.
    private static var paths: JSONValue {
        var items: [(key: String, value: [(key: String, value: JSONValue)])] = []
        for endpoint in Endpoints.all {
            let operation = (key: endpoint.method.rawValue.lowercased(), value: self.operation(endpoint))
            if let index = items.firstIndex(where: { $0.key == endpoint.path }) {
                items[index].value.append(operation)
            } else {
                items.append((endpoint.path, [operation]))
            }
        }
        return .object(items.map { ($0.key, .object($0.value)) })
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("tags", [.string(endpoint.group)]),
            ("summary", .string(endpoint.summary)),
            ("description", .string(endpoint.description)),
            ("operationId", .string(operationID(endpoint))),
        ]
        var parameters: [JSONValue] = endpoint.access == .link ? [["$ref": "#/components/parameters/OneTimeURL"]] : []
        parameters += endpoint.pathParameters.map { parameter in
            ["name": .string(parameter.name), "in": "path", "required": true, "description": .string(parameter.description), "schema": ["type": "string"]]
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        switch endpoint.access {
        case .open, .link: break
        case .session: members.append(("security", [["bearerAuth": []]]))
        case .cookie: members.append(("security", [["sessionCookie": []]]))
        }
        if let request = endpoint.request {
            members.append(("requestBody", requestBody(request)))
        }
        members.append(("responses", responses(endpoint)))
        return .object(members)
    }

    /// `postUsersCreateMfa` for `POST /users/create/mfa/`: unique because method and path are.
    private static func operationID(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return endpoint.method.rawValue.lowercased() + words.joined()
    }

    private static func requestBody(_ request: Endpoint.Request) -> JSONValue {
        let schema: JSONValue = request.alternatives.count == 1
            ? ["$ref": .string(request.alternatives[0].reference)]
            : ["oneOf": .array(request.alternatives.map { ["$ref": .string($0.reference)] })]
        var content: [(key: String, value: JSONValue)] = request.acceptsJSON ? [("application/json", ["schema": schema])] : []
        if request.acceptsForm {
            content.append(("application/x-www-form-urlencoded", ["schema": schema]))
        }
        return ["required": .boolean(request.isRequired), "content": .object(content)]
    }

    private static func responses(_ endpoint: Endpoint) -> JSONValue {
        var responses: [(key: String, value: JSONValue)] = [(String(endpoint.success.status), success(endpoint.success))]
        let statuses = Set(endpoint.errors.map(\.status.code)).sorted()
        for status in statuses {
            let errors = endpoint.errors.filter { $0.status.code == status }
            responses.append((String(status), failure(errors, of: endpoint)))
        }
        return .object(responses)
    }

    private static func success(_ success: Endpoint.Success) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("description", .string(success.description))]
        switch success.content {
        case .none:
            break
        case .json(let schema):
            members.append(("content", ["application/json": ["schema": ["$ref": .string(schema.reference)]]]))
        case .jsonOrPage(let schema):
            members.append(("content", [
                "application/json": ["schema": ["$ref": .string(schema.reference)]],
                "text/html": page,
            ]))
        case .page:
            members.append(("content", ["text/html": page]))
        case .other(let mediaType, let description):
            let schema: JSONValue = ["type": "string", "description": .string(description)]
            let content: [(key: String, value: JSONValue)] = [(mediaType, ["schema": schema])]
            members.append(("content", .object(content)))
        }
        return .object(members)
    }

    /// The response for the errors of one status: a problem document, a page, or either.
    private static func failure(_ errors: [any HTTPProblem], of endpoint: Endpoint) -> JSONValue {
        let description = errors.map { "`\($0.code)`: \(ErrorCatalogue.when($0))" }.joined(separator: " ")
        var members: [(key: String, value: JSONValue)] = [("description", .string(description))]
        if errors.contains(where: { $0.code == MFAError.rateLimited(retryAfterSeconds: 0).code }) {
            members.append(("headers", ["Retry-After": ["$ref": "#/components/headers/RetryAfter"]]))
        }
        var content: [(key: String, value: JSONValue)] = []
        if endpoint.answersProblemsOnError {
            let schema = errors.first?.status.code == 422 ? Schemas.validationProblem : Schemas.problem
            content.append(("application/problem+json", ["schema": ["$ref": .string(schema.reference)]]))
        }
        if endpoint.answersPagesOnError {
            content.append(("text/html", page))
        }
        members.append(("content", .object(content)))
        return .object(members)
    }

    private static let page: JSONValue = [
        "schema": ["type": "string", "description": "A self-contained HTML page, sent with the contract's security headers."],
    ]

    private static var components: JSONValue {
        [
            "schemas": .object(Schemas.all.map { ($0.name, $0.jsonSchema) }),
            "parameters": [
                "OneTimeURL": [
                    "name": .string(ServerLinks.tokenParameter),
                    "in": "query",
                    "required": true,
                    "description": "The one-time token from the emailed link: 32 random bytes, base64url without padding (43 characters).",
                    "schema": ["type": "string"],
                ],
            ],
            "headers": [
                "RetryAfter": [
                    "description": "Seconds to wait before trying again.",
                    "required": true,
                    "schema": ["type": "integer", "minimum": 0],
                ],
            ],
            "securitySchemes": [
                "bearerAuth": [
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The opaque session_token of a login, as Authorization: Bearer <token>.",
                ],
                "sessionCookie": [
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "mfa_session",
                    "description": .string("""
                        The session cookie a sign-in through the pages sets (named __Host-mfa_session when the public \
                        URL is https). Every form post also carries the session's anti-forgery token as \(AntiForgery.field).
                        """),
                ],
            ],
        ]
    }
}
