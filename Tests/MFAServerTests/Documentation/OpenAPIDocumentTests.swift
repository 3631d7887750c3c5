import Foundation
import MFATestSupport
import MFACore
import Testing
@testable import MFAServerKit

/// `/openapi.json`: every route of the contract, valid OpenAPI 3.1.
@Suite struct OpenAPIDocumentTests {
    /// The contract's routes, spelled as the contract spells them.
    static let contractRoutes: Set<APIDocumentation.Route> = [
        .init(method: "GET", path: "/"),
        .init(method: "GET", path: "/users/create/"),
        .init(method: "GET", path: "/users/login/"),
        .init(method: "GET", path: "/users/mfa/new_totp_code/"),
        .init(method: "GET", path: "/users/delete/"),
        .init(method: "GET", path: "/users/password/reset/"),
        .init(method: "GET", path: "/account"),
        .init(method: "POST", path: "/account/logout"),
        .init(method: "POST", path: "/account/password"),
        .init(method: "POST", path: "/users/create/"),
        .init(method: "GET", path: "/users/create/mfa/"),
        .init(method: "POST", path: "/users/create/mfa/"),
        .init(method: "POST", path: "/users/login/"),
        .init(method: "GET", path: "/users/login/mfa/"),
        .init(method: "POST", path: "/users/login/mfa/"),
        .init(method: "POST", path: "/users/mfa/new_totp_code/"),
        .init(method: "GET", path: "/users/mfa/new_totp_code/confirm/"),
        .init(method: "POST", path: "/users/mfa/new_totp_code/confirm/"),
        .init(method: "GET", path: "/users/mfa/reset/confirm/"),
        .init(method: "POST", path: "/users/mfa/reset/confirm/"),
        .init(method: "POST", path: "/users/delete/"),
        .init(method: "GET", path: "/users/delete/mfa/"),
        .init(method: "POST", path: "/users/delete/mfa/"),
        .init(method: "POST", path: "/users/password/reset/"),
        .init(method: "GET", path: "/users/password/reset/confirm/"),
        .init(method: "POST", path: "/users/password/reset/confirm/"),
        .init(method: "POST", path: "/users/password/change"),
        .init(method: "POST", path: "/users/recovery-codes"),
        .init(method: "GET", path: "/users/me"),
        .init(method: "POST", path: "/users/logout"),
        .init(method: "GET", path: "/health"),
        .init(method: "GET", path: "/openapi.json"),
        .init(method: "GET", path: "/docs"),
        .init(method: "POST", path: "/users/passkeys/registration/options"),
        .init(method: "POST", path: "/users/passkeys/registration"),
        .init(method: "GET", path: "/users/passkeys"),
        .init(method: "DELETE", path: "/users/passkeys/{id}"),
        .init(method: "POST", path: "/users/passkeys/assertion/options"),
        .init(method: "POST", path: "/users/login/passkey/options"),
        .init(method: "POST", path: "/users/login/passkey"),
        .init(method: "POST", path: "/users/login/mfa/passkey-options"),
        .init(method: "POST", path: "/users/mfa/new_totp_code/confirm/passkey-options"),
        .init(method: "POST", path: "/users/password/reset/confirm/passkey-options"),
        .init(method: "POST", path: "/users/delete/mfa/passkey-options"),
        // The pages' passkeys: the script, and the account page's forms and script requests.
        .init(method: "GET", path: "/assets/passkeys.js"),
        .init(method: "POST", path: "/account/passkeys"),
        .init(method: "POST", path: "/account/passkeys/remove"),
        .init(method: "POST", path: "/account/passkeys/registration/options"),
        .init(method: "POST", path: "/account/passkeys/assertion/options"),
    ]

    /// The document parsed by Foundation.
    let document: [String: Any]

    init() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(APIDocumentation.openAPIDocument.utf8))
        document = try #require(parsed as? [String: Any])
    }

    private var paths: [String: [String: Any]] {
        (document["paths"] as? [String: [String: Any]]) ?? [:]
    }

    private func operation(_ method: String, _ path: String) throws -> [String: Any] {
        try #require(paths[path]?[method.lowercased()] as? [String: Any], "\(method) \(path) is missing")
    }

    @Test func itIsOpenAPI31AndStatesTheTrailingSlashRule() throws {
        #expect(document["openapi"] as? String == "3.1.0")
        let info = try #require(document["info"] as? [String: Any])
        #expect((info["description"] as? String)?.contains("Every route answers with and without a trailing slash") == true)
    }

    @Test func itDocumentsExactlyTheContractsRoutes() {
        let documented = paths.flatMap { path, item in item.keys.map { APIDocumentation.Route(method: $0.uppercased(), path: path) } }
        #expect(Set(documented) == Self.contractRoutes)
        #expect(Set(APIDocumentation.routes) == Self.contractRoutes)
        #expect(APIDocumentation.routes.count == Self.contractRoutes.count, "no route is listed twice")
    }

    @Test func linkRoutesTakeTheTokenAndAcceptForms() throws {
        for path in LinkPurpose.allCases.map(Endpoints.linkPath(for:)) {
            for method in ["GET", "POST"] {
                let parameters = try #require(try operation(method, path)["parameters"] as? [[String: String]])
                #expect(parameters == [["$ref": "#/components/parameters/OneTimeURL"]])
            }
            let post = try operation("POST", path)
            let content = try #require((post["requestBody"] as? [String: Any])?["content"] as? [String: Any])
            #expect(Set(content.keys) == ["application/json", "application/x-www-form-urlencoded"])
            let success = try #require((post["responses"] as? [String: [String: Any]])?.first { $0.key.hasPrefix("2") }?.value)
            #expect(Set((success["content"] as? [String: Any] ?? [:]).keys) == ["application/json", "text/html"])
            let page = try #require((try operation("GET", path)["responses"] as? [String: [String: Any]])?["200"])
            #expect(Set((page["content"] as? [String: Any] ?? [:]).keys) == ["text/html"])
        }
        let parameter = try #require(((document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]])?["OneTimeURL"])
        #expect(parameter["name"] as? String == "one_time_url")
        #expect(parameter["in"] as? String == "query")
    }

    @Test func sessionRoutesNeedTheBearerToken() throws {
        for (method, path) in [("GET", "/users/me"), ("POST", "/users/logout"), ("POST", "/users/password/change")] {
            #expect(try operation(method, path)["security"] as? [[String: [String]]] == [["bearerAuth": []]])
        }
        let schemes = try #require((document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]])
        #expect(schemes["bearerAuth"]?["scheme"] == "bearer")
    }

    @Test func everyTooManyRequestsAnswerCarriesRetryAfterAndEvery422ItsFieldErrors() throws {
        var seen = (limited: 0, invalid: 0)
        for item in paths.values {
            for case let operation as [String: Any] in item.values {
                let responses = try #require(operation["responses"] as? [String: [String: Any]])
                if let limited = responses["429"] {
                    seen.limited += 1
                    #expect((limited["headers"] as? [String: Any])?["Retry-After"] != nil)
                }
                if let invalid = responses["422"] {
                    seen.invalid += 1
                    let schema = (invalid["content"] as? [String: [String: [String: String]]])?["application/problem+json"]?["schema"]
                    #expect(schema == ["$ref": "#/components/schemas/ValidationProblem"])
                }
            }
        }
        #expect(seen.limited >= 12 && seen.invalid >= 8)
    }

    @Test func theProblemCodesAreTheContracts() throws {
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let code = try #require((schemas["Problem"]?["properties"] as? [String: [String: Any]])?["code"])
        #expect(code["enum"] as? [String] == [
            "malformed_request", "authentication_failed", "unauthorized", "forbidden", "not_found", "method_not_allowed",
            "link_invalid", "payload_too_large", "unsupported_media_type", "validation_failed", "rate_limited",
            "internal_error", "unavailable",
        ])
        #expect(schemas["ValidationProblem"]?["required"] as? [String] == ["type", "title", "status", "code", "detail", "errors"])
    }

    @Test func itValidatesWithOpenAPISpecValidator() throws {
        let python = try ExternalTool.venvPython()
        let check = """
            import json, sys
            try:
                from openapi_spec_validator import validate
            except ImportError:
                sys.exit("openapi-spec-validator is missing: run `.venv/bin/pip install openapi-spec-validator`")
            validate(json.load(sys.stdin))
            print("valid")
            """
        let output = try python.run(["-c", check], input: Data(APIDocumentation.openAPIDocument.utf8))
        #expect(String(decoding: output, as: UTF8.self) == "valid\n")
    }
}
