import Foundation
import HummingbirdTesting
import MFACore
import Testing
@testable import MFAServerKit

/// Expects `response` to be the contract's problem answer for `error`: status,
/// `application/problem+json`, and the body fields `type`, `title`, `status`,
/// `code` and `detail`.
func expectProblem(_ response: TestResponse, _ error: MFAError, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectProblem(response, problem: error, sourceLocation: sourceLocation)
}

/// Expects `response` to be the contract's problem answer for the request error `error`.
func expectProblem(_ response: TestResponse, _ error: RequestError, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectProblem(response, problem: error, sourceLocation: sourceLocation)
}

private func expectProblem(_ response: TestResponse, problem error: some HTTPProblem, sourceLocation: SourceLocation) throws {
    #expect(response.status == error.status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
    let body = try response.json
    #expect(body["type"] as? String == "about:blank", sourceLocation: sourceLocation)
    #expect(body["title"] as? String == error.title, sourceLocation: sourceLocation)
    #expect(body["status"] as? Int == error.status.code, sourceLocation: sourceLocation)
    #expect(body["code"] as? String == error.code, sourceLocation: sourceLocation)
    #expect(body["detail"] as? String == error.detail, sourceLocation: sourceLocation)
}

/// Expects `response` to be a `422` naming exactly `fields`, in any order.
func expectValidationFailure(_ response: TestResponse, fields: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectProblem(response, MFAError.invalidFields([]), sourceLocation: sourceLocation)
    let errors = try response.json["errors"] as? [[String: String]] ?? []
    #expect(Set(errors.compactMap { $0["field"] }) == fields, "\(response.text)", sourceLocation: sourceLocation)
    #expect(errors.allSatisfy { !($0["message"] ?? "").isEmpty }, sourceLocation: sourceLocation)
}

/// Expects `response` to be `status` with exactly the JSON object `expected`.
func expectJSON(_ response: TestResponse, _ status: Int, _ expected: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(response.status.code == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/json", sourceLocation: sourceLocation)
    #expect(try response.json as NSDictionary == expected as NSDictionary, "\(response.text)", sourceLocation: sourceLocation)
}
