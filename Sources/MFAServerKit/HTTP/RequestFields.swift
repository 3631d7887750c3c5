import Foundation
import MFACore
import MFAWebAuthn

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

    /// Exactly one of the second factors `accepted` names: `totp_code`, `recovery_code`
    /// and `passkey` (an assertion, see ``webAuthnJSON(_:as:)``) where a link is completed,
    /// `totp_code` and `passkey` on the bearer routes.
    mutating func secondFactor(_ accepted: [Field] = [.totpCode, .recoveryCode, .passkey]) throws -> SecondFactor {
        let given = try accepted.filter { field in try field == .passkey ? isGiven(field) : optional(field) != nil }
        guard given.count == 1, let field = given.first else {
            let message = "Give " + Self.alternatives(accepted) + (given.isEmpty ? "." : given.count == 2 ? ", not both." : ", not several.")
            problems += accepted.map { MFAError.FieldError(field: $0, message: message) }
            return .totpCode("")
        }
        switch field {
        case .recoveryCode: return .recoveryCode(try required(field))
        // Present, so decoded or refused.
        case .passkey: return .passkey(try webAuthnJSON(.passkey, as: AuthenticationResponseJSON.self)!)
        default: return .totpCode(try required(field))
        }
    }

    /// Whether a field of any type was sent (`null` counts as absent).
    private func isGiven(_ field: Field) -> Bool {
        switch values[field.wireName] {
        case nil, .null: false
        default: true
        }
    }

    /// "a TOTP code, a recovery code or a passkey", for the fields offered.
    private static func alternatives(_ fields: [Field]) -> String {
        let words = fields.map { field in
            switch field {
            case .totpCode: "a TOTP code"
            case .recoveryCode: "a recovery code"
            default: "a passkey"
            }
        }
        return words.count > 1 ? words.dropLast().joined(separator: ", ") + " or " + words.last! : words.joined()
    }

    /// A required field holding one of WebAuthn's JSON forms (see ``webAuthnJSON(_:as:)``);
    /// when absent it is noted as missing and `nil` returned.
    mutating func required<T: Decodable>(_ field: Field, as type: T.Type) throws -> T? {
        let value = try webAuthnJSON(field, as: type)
        if value == nil { problems.append(.init(field: field, message: "This field is required.")) }
        return value
    }

    /// A field holding one of WebAuthn's JSON forms (`AuthenticationResponseJSON`, ...):
    /// an object in a JSON body, or its JSON text (a form's field, filled by the pages' script).
    /// `nil` when absent.
    ///
    /// - Throws: ``RequestError/malformed(_:)`` for a value of another type;
    ///   ``MFAError/invalidFields(_:)`` naming `field` for an object not of `T`'s shape.
    func webAuthnJSON<T: Decodable>(_ field: Field, as type: T.Type) throws -> T? {
        let json: Data
        switch values[field.wireName] {
        case nil, .null: return nil
        case .object(let members): json = Data(JSONValue.object(members).serialized().utf8)
        case .string(let text): json = Data(text.utf8)
        default: throw RequestError.malformed("The field \(field.wireName) must be an object.")
        }
        guard let value = try? JSONDecoder().decode(T.self, from: json) else {
            throw MFAError.invalidFields([.init(field: field, message: "Give it as PublicKeyCredential.toJSON() makes it: WebAuthn's JSON form.")])
        }
        return value
    }

    /// Throws ``MFAError/invalidFields(_:)`` naming every missing or conflicting field.
    func checkComplete() throws(MFAError) {
        if !problems.isEmpty { throw .invalidFields(problems) }
    }
}
