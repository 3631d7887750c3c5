import MFACore
import MFAPages
@testable import MFAServerKit

/// The pages as the server fills them: its form addresses and its wording of problems.
extension Pages {
    static func form(for purpose: LinkPurpose, token: String, problem: MFAError? = nil) -> String {
        form(for: purpose, action: ServerLinks.formAction(for: purpose, token: token), problem: problem?.page)
    }

    static func form(for purpose: LinkPurpose, token: String, problem: RequestError) -> String {
        form(for: purpose, action: ServerLinks.formAction(for: purpose, token: token), problem: problem.page)
    }

    static func error(_ error: MFAError) -> String { self.error(error.page) }

    static func error(_ error: RequestError) -> String { self.error(error.page) }

    static func error(_ error: any HTTPProblem) -> String { self.error(error.page) }
}

extension LinkPurpose {
    /// The path of the page a link of this purpose opens.
    var path: String { Endpoints.linkPath(for: self) }
}
