import MFAPasswords

/// Collects every field error of a workflow's input, so one answer names them all.
struct FieldValidation {
    private var errors: [MFAError.FieldError] = []

    /// Runs one field's check, keeping its error and returning its value.
    mutating func check<Value>(_ validate: () throws(MFAError) -> Value) -> Value? {
        do {
            return try validate()
        } catch {
            if case .invalidFields(let fields) = error { errors += fields }
            return nil
        }
    }

    /// Throws every collected error at once, if any.
    func finish() throws(MFAError) {
        if !errors.isEmpty { throw .invalidFields(errors) }
    }
}

extension MFAError {
    /// The error for one `field` that breaks a rule.
    static func invalid(_ field: Field, _ message: String) -> MFAError {
        .invalidFields([FieldError(field: field, message: message)])
    }
}

extension PasswordPolicy {
    /// ``validate(_:)`` with its violation named as `field`.
    func validate(_ password: String, as field: Field) throws(MFAError) -> String {
        do { return try validate(password) } catch { throw .invalid(field, error.message) }
    }

    /// ``validateForVerification(_:)`` with its violation named as `field`.
    func validateForVerification(_ password: String, as field: Field) throws(MFAError) -> String {
        do { return try validateForVerification(password) } catch { throw .invalid(field, error.message) }
    }
}

enum FullName {
    static let maximumLength = 200

    static func validate(_ name: String?) throws(MFAError) -> String? {
        guard let name = name?.trimmingWhitespace(), !name.isEmpty else { return nil }
        guard name.count <= maximumLength else {
            throw .invalid(.fullName, "A name has at most \(maximumLength) characters.")
        }
        return name
    }
}
