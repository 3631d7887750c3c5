import MFACore

/// An RFC 9457 problem document carrying the contract's stable `code`.
struct ProblemBody: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var code: String
    var detail: String
    /// For `validation_failed` only: one entry per field at fault.
    var errors: [MFAError.FieldError]?

    init(_ error: MFAError) {
        title = error.title
        status = error.status
        code = error.code
        detail = error.detail
        if case .validationFailed(let fieldErrors) = error { errors = fieldErrors }
    }
}
