import MFACore

/// A named JSON object of the API, such as a request body or `TOTPEnrollment`.
struct BodySchema: Sendable {
    /// One member of the object.
    struct Property: Sendable {
        let name: String
        let type: ValueType
        let isRequired: Bool
        let description: String

        init(_ name: String, _ type: ValueType, required isRequired: Bool = true, _ description: String) {
            self.name = name
            self.type = type
            self.isRequired = isRequired
            self.description = description
        }

        /// A request field, named as the wire spells it.
        init(_ field: Field, _ type: ValueType, required isRequired: Bool = true, _ description: String) {
            self.init(field.wireName, type, required: isRequired, description)
        }
    }

    /// The key under `components/schemas`, and the anchor on the `/docs` page.
    let name: String
    let description: String
    let properties: [Property]

    /// The JSON Pointer to the schema within the document.
    var reference: String { "#/components/schemas/\(name)" }

    /// The object's JSON Schema.
    var jsonSchema: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", "object"), ("description", .string(description))]
        if !properties.isEmpty {
            let described = properties.map { property -> (key: String, value: JSONValue) in
                guard case .object(let schema) = property.type.jsonSchema else { return (property.name, property.type.jsonSchema) }
                return (property.name, .object(schema + [("description", .string(property.description))]))
            }
            members.append(("properties", .object(described)))
        }
        let required = properties.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        return .object(members)
    }
}
