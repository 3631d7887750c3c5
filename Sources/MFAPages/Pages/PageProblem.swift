/// A problem as a page shows it, worded by the server that answers it.
public struct PageProblem: Sendable, Equatable {
    /// What the page advises beside the problem.
    public enum Kind: Sendable, Equatable {
        /// The link is dead: ask for a new one.
        case linkInvalid
        /// Nothing changed; try again later (a limit, an unavailable service).
        case temporary
        /// Any other problem.
        case other
    }

    /// The short summary, as a heading.
    public var title: String
    /// The sentence for the user.
    public var detail: String
    /// For a limit: the seconds to wait, said in words instead of ``detail``.
    public var retryAfterSeconds: Int?
    /// Messages by form control name, shown next to their fields.
    public var fieldMessages: [String: [String]]
    /// What the page advises.
    public var kind: Kind

    /// Creates a problem.
    public init(title: String, detail: String, retryAfterSeconds: Int? = nil, fieldMessages: [String: [String]] = [:], kind: Kind = .other) {
        self.title = title
        self.detail = detail
        self.retryAfterSeconds = retryAfterSeconds
        self.fieldMessages = fieldMessages
        self.kind = kind
    }

    /// The sentence a page shows: the detail, except that a waiting time is
    /// given in minutes once it is long.
    var pageSentence: String {
        guard let seconds = retryAfterSeconds else { return detail }
        return "Too many attempts. Try again in \(WaitingTime.words(seconds: seconds))."
    }
}
