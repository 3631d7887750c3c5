import MFAPages
import MFACore
import MFAPages

/// Builds the `/docs` page: the whole contract as one self-contained HTML document.
enum ReferencePage {
    static var html: String {
        Layout.document(title: "mfa-server API reference", width: .wide, body: """
            <h1>mfa-server API reference</h1>
            <p>Every route, field, status, error code, limit and setting of the server's HTTP API. \
            The same routes as an OpenAPI 3.1 document: <a href="/openapi.json">/openapi.json</a>.</p>
            \(contents)
            <h2 id="rules">General rules</h2>
            \(table(["Topic", "Rule"], APIRules.general.map { ["\($0.topic)", "\($0.text)"] }))
            \(groups)
            <h2 id="errors">Errors</h2>
            <p>Every error is an RFC 9457 <code>application/problem+json</code> document, for example:</p>
            <pre class="code">{"type": "about:blank", "title": "Link invalid", "status": 410,
             "code": "link_invalid", "detail": "This link is invalid or has expired."}</pre>
            <p>A <code>422</code> adds <code>"errors": [{"field": "password", "message": "..."}]</code>; \
            a <code>429</code> carries a <code>Retry-After</code> header in seconds.</p>
            \(table(["Status", "Code", "When"], ErrorCatalogue.entries.map { ["\($0.error.status.code)", "<code>\($0.error.code)</code>", "\($0.when)"] }))
            <h2 id="validation">Validation rules</h2>
            \(table(["Field", "Rule"], APIRules.validation.map { ["<code>\($0.topic)</code>", "\($0.text)"] }))
            <h2 id="limits">Limits</h2>
            <p>All are configurable. Limit state lives in the store, so several server processes sharing one database enforce one limit.</p>
            \(table(["Limit", "Default", "Answer"], APIRules.limits.map { ["\($0.limit)", "\($0.defaultValue)", "\($0.answer)"] }))
            <h2 id="pages">HTML pages</h2>
            <p>The <code>GET</code> of every emailed link shows a page and changes nothing; its form posts \
            <code>application/x-www-form-urlencoded</code> to the same address and gets a page back. Pages are \
            self-contained, work without JavaScript, escape everything they echo, and are sent with:</p>
            \(table(["Header", "Value"], Pages.securityHeaders.map { ["<code>\($0.name)</code>", "<code>\($0.value)</code>"] }))
            <h2 id="configuration">Configuration</h2>
            <p>Every setting is an environment variable and an equivalent <code>mfa-server</code> flag; \
            <code>mfa-server --help</code> lists them. A malformed setting stops the server at start with one line \
            naming it, and exit status 2.</p>
            \(table(["Variable", "Flag", "Default", "Meaning"], ServerSetting.allCases.map { ["<code>\($0.variable)</code>", "<code>--\($0.flag)</code>", "<code>\($0.defaultDescription)</code>", "\($0.meaning)"] }))
            <h2 id="objects">Objects</h2>
            \(Schemas.all.map(object))
            """)
    }

    /// The route groups in order, each with its routes.
    private static var groupedEndpoints: [(name: String, endpoints: [Endpoint])] {
        Endpoints.all.reduce(into: []) { groups, endpoint in
            if let index = groups.firstIndex(where: { $0.name == endpoint.group }) {
                groups[index].endpoints.append(endpoint)
            } else {
                groups.append((endpoint.group, [endpoint]))
            }
        }
    }

    private static var contents: HTML {
        let routes = groupedEndpoints.map { group in
            "<li><a href=\"#\(anchor(group.name))\">\(group.name)</a></li>" as HTML
        }
        return """
            <nav><ul>
            <li><a href="#rules">General rules</a></li>\(routes)
            <li><a href="#errors">Errors</a></li>
            <li><a href="#validation">Validation rules</a></li>
            <li><a href="#limits">Limits</a></li>
            <li><a href="#pages">HTML pages</a></li>
            <li><a href="#configuration">Configuration</a></li>
            <li><a href="#objects">Objects</a></li>
            </ul></nav>
            """
    }

    private static var groups: HTML {
        "\(groupedEndpoints.map { "<h2 id=\"\(anchor($0.name))\">\($0.name)</h2>\n\($0.endpoints.map(route))" as HTML })"
    }

    private static func route(_ endpoint: Endpoint) -> HTML {
        let access: HTML = switch endpoint.access {
        case .open: ""
        case .link: "<p><strong>Query:</strong> <code>\(ServerLinks.tokenParameter)</code> (required), the token from the emailed link.</p>"
        case .session: "<p><strong>Authentication:</strong> <code>Authorization: Bearer &lt;session_token&gt;</code>.</p>"
        case .cookie: """
            <p><strong>Authentication:</strong> the browser's session cookie (<code>mfa_session</code>, or \
            <code>__Host-mfa_session</code> over https); a form post also carries <code>\(AntiForgery.field)</code>.</p>
            """
        }
        let statuses = Set(endpoint.errors.map(\.status.code)).sorted()
        let failures = statuses.map { status -> [HTML] in
            let codes = endpoint.errors.filter { $0.status.code == status }.map { "<code>\($0.code)</code>" as HTML }
            return ["\(status)", codes.joined(separator: ", "), errorBody(endpoint, status: status)]
        }
        let success = endpoint.success
        return """
            <section class="route" id="\(endpoint.method.rawValue.lowercased())-\(anchor(endpoint.path))">
            <h3><span class="method">\(endpoint.method.rawValue)</span> <code>\(endpoint.path)</code> — \(endpoint.summary)</h3>
            <p>\(endpoint.description)</p>
            \(access)\(endpoint.request.map(request) ?? "")
            <p><strong>Responses</strong></p>
            \(table(["Status", "Meaning", "Body"], [["\(success.status)", "\(success.description)", body(success.content)]] + failures))
            </section>
            """
    }

    private static func request(_ request: Endpoint.Request) -> HTML {
        let types: HTML = switch (request.acceptsJSON, request.acceptsForm) {
        case (true, true): "<code>application/json</code> or <code>application/x-www-form-urlencoded</code>"
        case (false, _): "<code>application/x-www-form-urlencoded</code>"
        case (true, false): "<code>application/json</code>"
        }
        let optional: HTML = request.isRequired ? "" : " (optional)"
        let shapes = request.alternatives.map { schema -> HTML in
            schema.properties.isEmpty ? "<p>An empty object.</p>" : fields(schema)
        }
        let alternatives: HTML = request.alternatives.count > 1 ? "<p>One of these field sets:</p>" : ""
        return """
            <p><strong>Request body</strong>\(optional): \(types).</p>
            \(alternatives)\(shapes.joined(separator: "<p>or</p>"))
            """
    }

    private static func body(_ content: Endpoint.Content) -> HTML {
        switch content {
        case .none: "none"
        case .json(let schema): "JSON \(ValueType.object(schema).words)"
        case .jsonOrPage(let schema): "JSON \(ValueType.object(schema).words), or an HTML page after a form post"
        case .page: "HTML page"
        case .other(let mediaType, let description): "<code>\(mediaType)</code>: \(description)"
        }
    }

    private static func errorBody(_ endpoint: Endpoint, status: Int) -> HTML {
        switch (endpoint.answersProblemsOnError, endpoint.answersPagesOnError) {
        case (true, true): "problem+json, or an HTML page after a form post"
        case (false, _): "HTML page"
        case (true, false): "problem+json"
        }
    }

    private static func object(_ schema: BodySchema) -> HTML {
        """
        <h3 id="schema-\(schema.name)">\(schema.name)</h3>
        <p>\(schema.description)</p>
        \(schema.properties.isEmpty ? "<p>No fields.</p>" : fields(schema))
        """
    }

    private static func fields(_ schema: BodySchema) -> HTML {
        table(["Field", "Type", "Required", "Meaning"], schema.properties.map { property in
            ["<code>\(property.name)</code>", property.type.words, property.isRequired ? "yes" : "no", "\(property.description)"]
        })
    }

    private static func table(_ headings: [String], _ rows: [[HTML]]) -> HTML {
        let head = headings.map { "<th>\($0)</th>" as HTML }
        let body = rows.map { row in "<tr>\(row.map { "<td>\($0)</td>" as HTML })</tr>" as HTML }
        return "<div class=\"table\"><table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
    }

    /// A fragment identifier made of the letters and digits of `text`: `/users/create/` becomes `users-create`.
    private static func anchor(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}
