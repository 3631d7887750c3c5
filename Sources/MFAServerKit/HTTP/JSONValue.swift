import MFAFormats

/// Any JSON value: the server's one JSON value type.
///
/// Objects keep their keys in the order written, so that the OpenAPI document
/// reads in the contract's order and is the same on every build. Request bodies
/// are read into it without a schema (``parse(_:)``), so that the server can tell a missing
/// field (422) from a field of the wrong type (400).
enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    /// A number that is not a whole `Int`; only decoding makes it.
    case number(Double)
    case boolean(Bool)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
    case null

    /// The members of an object by key, the last of a repeated key winning; `nil` for any other value.
    var members: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    /// The value as JSON text, indented by two spaces per level.
    func serialized(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let text):
            return Self.quoted(text)
        case .integer(let number):
            return String(number)
        case .number(let number):
            return String(number)
        case .null:
            return "null"
        case .boolean(let flag):
            return flag ? "true" : "false"
        case .array(let elements):
            guard !elements.isEmpty else { return "[]" }
            return "[\n" + elements.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { inner + Self.quoted($0.key) + ": " + $0.value.serialized(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal, escaped as answers escape them (``JSONText``).
    private static func quoted(_ text: String) -> String {
        var quoted: [UInt8] = []
        JSONText.appendQuoted(text, to: &quoted)
        return String(decoding: quoted, as: UTF8.self)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .boolean(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps the literal's order, unlike a `Dictionary`.
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
}
