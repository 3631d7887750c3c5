/// Collects every field error of a request, so one answer names them all.
struct FieldValidation {
    private var errors: [MFAError.FieldError] = []

    /// Runs one field's check, keeping its error and returning its value.
    mutating func check<Value>(_ validate: () throws(MFAError) -> Value) -> Value? {
        do {
            return try validate()
        } catch {
            if case .validationFailed(let fields) = error { errors += fields }
            return nil
        }
    }

    /// Throws every collected error at once, if any.
    func finish() throws(MFAError) {
        if !errors.isEmpty { throw .validationFailed(errors) }
    }
}

enum FullName {
    static let maximumLength = 200

    static func validate(_ name: String?) throws(MFAError) -> String? {
        guard let name = name?.trimmingWhitespace(), !name.isEmpty else { return nil }
        guard name.count <= maximumLength else {
            throw .validationFailed([.init(field: "full_name", message: "A name has at most \(maximumLength) characters.")])
        }
        return name
    }
}
