import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MFACore

/// A test client that speaks JSON and forms, and knows its server.
struct Client: Sendable {
    let server: TestServer
    let client: any TestClientProtocol

    /// Sends a request with a raw body.
    func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: String? = nil) async throws -> TestResponse {
        try await client.executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// `POST`s `fields` as a JSON object.
    func post(_ uri: String, json fields: [String: any Sendable] = [:], bearer: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        let data = try JSONSerialization.data(withJSONObject: fields)
        return try await send(.post, uri, headers: headers, body: String(decoding: data, as: UTF8.self))
    }

    /// `POST`s `fields` as an HTML form would.
    func post(_ uri: String, form fields: [String: String]) async throws -> TestResponse {
        let body = fields.map { "\(FormEncoding.encode($0.key))=\(FormEncoding.encode($0.value))" }.joined(separator: "&")
        return try await send(.post, uri, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    /// `GET`s `uri`.
    func get(_ uri: String, bearer: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        return try await send(.get, uri, headers: headers)
    }
}

enum FormEncoding {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] {
        get throws {
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body))
            guard let dictionary = object as? [String: Any] else { throw TestFailure("not a JSON object: \(text)") }
            return dictionary
        }
    }

    /// A string field of the JSON body.
    func string(_ field: String) throws -> String? {
        try json[field] as? String
    }
}
