import Foundation
import HTTPTypes
import HummingbirdTesting
import MFAWebPages
import Testing
@testable import MFAServerKit

@Suite struct DocumentationRouteTests {
    @Test func theRouterServesExactlyTheRoutesOfTheOpenAPIDocument() throws {
        func normalized(_ path: String) -> String { path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path }
        let served = Set(try TestServer().routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set(APIDocumentation.routes.map { "\($0.method) \(normalized($0.path))" })
        #expect(served == documented)
    }

    @Test func openAPIJSONIsTheDocument() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == APIDocumentation.openAPIDocument)
            #expect(try response.json["openapi"] as? String == "3.1.0")
        }
    }

    @Test func docsIsTheReferencePageWithThePageHeaders() async throws {
        let server = try TestServer()
        try await server.run { client in
            let response = try await client.get("/docs/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
            #expect(response.text == APIDocumentation.referencePage)
        }
    }
}
