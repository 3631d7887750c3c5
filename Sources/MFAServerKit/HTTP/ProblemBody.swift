import MFACore

/// An RFC 9457 problem document carrying the contract's stable `code`.
struct ProblemBody: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var code: String
    var detail: String
    /// For `validation_failed` only: one entry per field at fault.
    var errors: [FieldErrorBody]?

    init(_ problem: some HTTPProblem) {
        title = problem.title
        status = problem.status.code
        code = problem.code
        detail = problem.detail
        if case .invalidFields = problem as? MFAError { errors = problem.fieldErrors }
    }
}

/// One field at fault in a `validation_failed` problem, named as the contract names it.
struct FieldErrorBody: Encodable, Sendable, Equatable {
    var field: String
    var message: String
}
