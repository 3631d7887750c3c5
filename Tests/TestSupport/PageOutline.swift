import Foundation

/// A page as an HTML parser sees it, from `page_outline.py` (Python's `html.parser`).
public struct PageOutline: Decodable {
    /// A form with its controls.
    public struct Form: Decodable {
        public let id: String?
        public let method: String?
        public let action: String?
        public let enctype: String?
        public let fields: [Field]
        public let buttons: [Button]

        /// The `name` of every control, in document order; empty for a control without one.
        public var fieldNames: [String] { fields.map { $0.name ?? "" } }
    }

    /// An `input`, `textarea` or `select`.
    public struct Field: Decodable {
        public let id: String?
        public let name: String?
        public let type: String?
        public let required: Bool
        public let autocomplete: String?
        public let invalid: Bool
        public let describedBy: [String]
    }

    /// A `button`.
    public struct Button: Decodable {
        public let type: String?
        public let text: String
    }

    /// A `details` element.
    public struct Details: Decodable {
        public let open: Bool
    }

    /// Every element's tag name, in document order.
    public let elements: [String]
    /// Every attribute name, in document order.
    public let attributes: [String]
    /// Every URL in a URL attribute, and every `url(…)` and `@import` of the styles.
    public let references: [String]
    public let forms: [Form]
    public let details: [Details]
    /// The text inside each element that has an `id`.
    public let textsByID: [String: String]
    /// All text outside styles, with runs of white space collapsed.
    public let text: String

    /// Parses `html` with the venv's Python.
    public init(_ html: String) throws {
        let script = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "page_outline.py")
        let output = try ExternalTool.venvPython().run([script.path], input: Data(html.utf8))
        self = try JSONDecoder().decode(Self.self, from: output)
    }

    /// The texts of the elements a field's `aria-describedby` names: its hint and its error messages.
    public func description(of field: Field) -> String {
        field.describedBy.compactMap { textsByID[$0] }.joined(separator: " ")
    }

    /// The field named `name` in any form, the first one if several forms have it.
    public func field(named name: String) -> Field? {
        forms.lazy.flatMap(\.fields).first { $0.name == name }
    }
}
