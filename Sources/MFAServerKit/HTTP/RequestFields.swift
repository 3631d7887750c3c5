import MFACore

/// The fields of a request body, read one by one as a route needs them.
///
/// Missing required fields and a wrong choice of second factor are
/// collected, so that one `422` names every field at fault; a field of the
/// wrong type is a `400` at once.
struct RequestFields: Sendable {
    private let values: [String: JSONValue]
    private var problems: [MFAError.FieldError] = []

    /// Fields from a JSON object.
    init(object: [String: JSONValue]) {
        values = object
    }

    /// Fields from a posted form; an empty input counts as absent, since a
    /// browser sends every input of a form, filled or not. (The route tests
    /// rely on this: a page's form posts `totp_code=&recovery_code=...`.)
    init(form: [String: String]) {
        values = form.filter { !$0.value.isEmpty }.mapValues(JSONValue.string)
    }

    /// A required string field; when absent (or `null`) it is noted as missing and `""` returned.
    mutating func required(_ field: Field) throws(RequestError) -> String {
        guard let value = try optional(field) else {
            problems.append(.init(field: field, message: "This field is required."))
            return ""
        }
        return value
    }

    /// An optional string field; `null` counts as absent.
    func optional(_ field: Field) throws(RequestError) -> String? {
        switch values[field.wireName] {
        case nil, .null: nil
        case .string(let value): value
        default: throw .malformed("The field \(field.wireName) must be a string.")
        }
    }

    /// A string field that is no domain ``Field``, such as a form's anti-forgery token.
    func text(named name: String) -> String? {
        if case .string(let value) = values[name] { value } else { nil }
    }

    /// Exactly one of `totp_code` and `recovery_code`.
    mutating func secondFactor() throws(RequestError) -> SecondFactor {
        switch (try optional(.totpCode), try optional(.recoveryCode)) {
        case (let code?, nil):
            return .totpCode(code)
        case (nil, let code?):
            return .recoveryCode(code)
        case (nil, nil):
            noteBothFactors("Give a TOTP code or a recovery code.")
        case (.some, .some):
            noteBothFactors("Give a TOTP code or a recovery code, not both.")
        }
        return .totpCode("")
    }

    private mutating func noteBothFactors(_ message: String) {
        problems.append(.init(field: .totpCode, message: message))
        problems.append(.init(field: .recoveryCode, message: message))
    }

    /// Throws ``MFAError/invalidFields(_:)`` naming every missing or conflicting field.
    func checkComplete() throws(MFAError) {
        if !problems.isEmpty { throw .invalidFields(problems) }
    }
}
