import MFACore
import MFAPages

extension HTTPProblem {
    /// The problem as a page shows it: the same title, sentence and field messages as its problem document.
    var page: PageProblem {
        let kind: PageProblem.Kind = switch self as? MFAError {
        case .linkInvalid: .linkInvalid
        case .rateLimited, .unavailable: .temporary
        default: .other
        }
        return PageProblem(
            title: title, detail: detail, retryAfterSeconds: retryAfterSeconds,
            fieldMessages: Dictionary(grouping: fieldErrors, by: \.field).mapValues { $0.map(\.message) },
            kind: kind
        )
    }
}
