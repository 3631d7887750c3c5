import Foundation
import HTTPTypes
import HummingbirdTesting
import MFACore
import Testing
@testable import MFAServerKit

@Suite struct DocumentationRouteTests {
    @Test func theRouterServesExactlyTheRoutesOfTheOpenAPIDocument() throws {
        // Without the trailing slash, and with parameters spelled as OpenAPI spells them (`{id}`, not `:id`).
        func normalized(_ path: String) -> String {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            return trimmed.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        }
        // What Hummingbird's router really holds, not the list it was built from;
        // every GET also answers HEAD.
        let router = MFARouter.build(service: try TestServer().service)
        let served = Set(router.routes.filter { $0.method != .head }.map { "\($0.method.rawValue) \(normalized($0.path.description))" })
        let documented = Set(APIDocumentation.routes.map { "\($0.method) \(normalized($0.path))" })
        #expect(served == documented)
        #expect(Set(try TestServer().routes.map { "\($0.method.rawValue) \(normalized($0.path))" }) == documented)
    }

    @Test func theEndpointTableGivesTheLinkPaths() {
        for purpose in LinkPurpose.allCases {
            let path = Endpoints.linkPath(for: purpose)
            #expect(APIDocumentation.routes.contains(.init(method: "GET", path: path)), "\(purpose)")
            #expect(APIDocumentation.routes.contains(.init(method: "POST", path: path)), "\(purpose)")
            // The links the server mails open the table's route.
            #expect(ServerLinks().url(for: purpose, token: "t", publicURL: "") == "\(path)?\(ServerLinks.tokenParameter)=t")
        }
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
