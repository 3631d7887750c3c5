import Foundation
import MFATestSupport

/// A page as an HTML parser sees it, from `page_outline.py` (Python's `html.parser`).
struct PageOutline: Decodable {
    /// A form with its controls.
    struct Form: Decodable {
        let id: String?
        let method: String?
        let action: String?
        let enctype: String?
        let fields: [Field]
        let buttons: [Button]

        /// The `name` of every control, in document order; empty for a control without one.
        var fieldNames: [String] { fields.map { $0.name ?? "" } }
    }

    /// An `input`, `textarea` or `select`.
    struct Field: Decodable {
        let id: String?
        let name: String?
        let type: String?
        let required: Bool
        let autocomplete: String?
        let invalid: Bool
        let describedBy: [String]
    }

    /// A `button`.
    struct Button: Decodable {
        let type: String?
        let text: String
    }

    /// A `details` element.
    struct Details: Decodable {
        let open: Bool
    }

    /// Every element's tag name, in document order.
    let elements: [String]
    /// Every attribute name, in document order.
    let attributes: [String]
    /// Every URL in a URL attribute, and every `url(…)` and `@import` of the styles.
    let references: [String]
    let forms: [Form]
    let details: [Details]
    /// The text inside each element that has an `id`.
    let textsByID: [String: String]
    /// All text outside styles, with runs of white space collapsed.
    let text: String

    /// Parses `html` with the venv's Python.
    init(_ html: String) throws {
        let script = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "page_outline.py")
        let output = try ExternalTool.venvPython().run([script.path], input: Data(html.utf8))
        self = try JSONDecoder().decode(Self.self, from: output)
    }

    /// The texts of the elements a field's `aria-describedby` names: its hint and its error messages.
    func description(of field: Field) -> String {
        field.describedBy.compactMap { textsByID[$0] }.joined(separator: " ")
    }

    /// The field named `name` in any form, the first one if several forms have it.
    func field(named name: String) -> Field? {
        forms.lazy.flatMap(\.fields).first { $0.name == name }
    }
}
