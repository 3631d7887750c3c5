import Foundation
import Hummingbird
import HummingbirdTesting
import MFACore
import Testing
@testable import MFAServerKit

@Suite struct InternalErrorTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the database password is hunter2" }
    }

    @Test func anUnexpectedErrorIs500WithoutAnyDetail() async throws {
        let router = Router(context: MFARequestContext.self)
        router.add(middleware: ProblemMiddleware(routes: []))
        router.get("/boom") { _, _ -> Response in throw Failure() }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            try expectProblem(response, .internal)
            #expect(!String(buffer: response.body).contains("hunter2"))
        }
    }
}
