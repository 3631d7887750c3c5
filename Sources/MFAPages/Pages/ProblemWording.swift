import MFACore

extension MFAError {
    /// The sentence a page shows for this error: the contract's detail, except
    /// that a waiting time is given in minutes once it is long.
    var pageSentence: String {
        if case .rateLimited(let seconds) = self {
            return "Too many attempts. Try again in \(WaitingTime.words(seconds: seconds))."
        }
        return detail
    }

    /// The field messages of a validation failure, by field name.
    var fieldMessages: [String: [String]] {
        guard case .validationFailed(let errors) = self else { return [:] }
        return Dictionary(grouping: errors, by: \.field).mapValues { $0.map(\.message) }
    }
}
