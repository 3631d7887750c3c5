import MFAPages

/// The type of one field of a request or response body, as both the OpenAPI
/// document (JSON Schema) and the `/docs` page describe it.
indirect enum ValueType: Sendable {
    /// A string, optionally with a JSON Schema `format` and length bounds.
    case string(format: String? = nil, length: ClosedRange<Int>? = nil, pattern: String? = nil)
    /// One of a fixed set of strings.
    case choice([String])
    /// A whole number with an optional lower bound.
    case integer(minimum: Int? = nil)
    /// The wrapped type, or `null`.
    case nullable(ValueType)
    /// An array of the element type, optionally with an exact length.
    case list(ValueType, count: Int? = nil)
    /// An object described by a named schema of the document's components.
    case object(BodySchema)
    /// A JSON object whose members another specification defines, such as WebAuthn's JSON forms.
    case foreignObject(standard: String)

    /// The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it).
    var jsonSchema: JSONValue {
        switch self {
        case .string(let format, let length, let pattern):
            var members: [(key: String, value: JSONValue)] = [("type", "string")]
            if let format { members.append(("format", .string(format))) }
            if let length {
                members.append(("minLength", .integer(length.lowerBound)))
                members.append(("maxLength", .integer(length.upperBound)))
            }
            if let pattern { members.append(("pattern", .string(pattern))) }
            return .object(members)
        case .choice(let values):
            return ["type": "string", "enum": .array(values.map(JSONValue.string))]
        case .integer(let minimum):
            return .object([("type", "integer")] + (minimum.map { [("minimum", .integer($0))] } ?? []))
        case .nullable(let wrapped):
            guard case .object(var members) = wrapped.jsonSchema, case .string(let type)? = members.first?.value,
                  members.first?.key == "type"
            else { return ["anyOf": [wrapped.jsonSchema, ["type": "null"]]] }
            members[0].value = [.string(type), "null"]
            return .object(members)
        case .list(let element, let count):
            var members: [(key: String, value: JSONValue)] = [("type", "array"), ("items", element.jsonSchema)]
            if let count {
                members.append(("minItems", .integer(count)))
                members.append(("maxItems", .integer(count)))
            }
            return .object(members)
        case .object(let schema):
            return ["$ref": .string(schema.reference)]
        case .foreignObject:
            return ["type": "object"]
        }
    }

    /// The type in words for the `/docs` tables, linking named objects to their description.
    var words: HTML {
        switch self {
        case .string(let format, let length, _):
            let detail = [format, length.map { "\($0.lowerBound)–\($0.upperBound) characters" }].compactMap { $0 }
            return detail.isEmpty ? "string" : "string (\(detail.joined(separator: ", ")))"
        case .choice(let values):
            return "one of \(values.map { "<code>\($0)</code>" as HTML }.joined(separator: ", "))"
        case .integer(let minimum):
            return minimum.map { "integer ≥ \($0)" } ?? "integer"
        case .nullable(let wrapped):
            return "\(wrapped.words) or <code>null</code>"
        case .list(let element, let count):
            return count.map { "array of \($0) × \(element.words)" } ?? "array of \(element.words)"
        case .object(let schema):
            return "<a href=\"#schema-\(schema.name)\">\(schema.name)</a> object"
        case .foreignObject(let standard):
            return "<code>\(standard)</code> object"
        }
    }
}
