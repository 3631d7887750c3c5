import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// How a request body was written.
enum BodyFormat: Sendable {
    /// `application/json`, answered with JSON.
    case json
    /// `application/x-www-form-urlencoded`, as the HTML pages post; answered with a page.
    case form
}

extension Request {
    /// The format of the body, judged by its `Content-Type` alone, as Hummingbird's `MediaType` parses it.
    ///
    /// A request without a `Content-Type` is taken as JSON; whether its body
    /// is acceptable is then up to ``readFields(format:context:)``.
    ///
    /// - Throws: ``RequestError/unsupportedMediaType`` for any other type, or JSON in a charset other than UTF-8.
    func bodyFormat(accepting formats: Set<BodyFormat>) throws(RequestError) -> BodyFormat {
        guard let contentType = headers[.contentType] else { return .json }
        guard let mediaType = MediaType(from: String(contentType.trimmingOptionalWhitespace)) else {
            throw .unsupportedMediaType
        }
        if mediaType.isType(.applicationJson), formats.contains(.json) {
            if let parameter = mediaType.parameter, parameter.name.lowercased() == "charset",
               parameter.value.trimmingOptionalWhitespace.lowercased() != "utf-8" {
                throw .unsupportedMediaType
            }
            return .json
        }
        if mediaType.isType(.applicationUrlEncoded), formats.contains(.form) {
            return .form
        }
        throw .unsupportedMediaType
    }

    /// Reads the body, at most the context's `maxUploadSize` (16 KiB), as fields of `format`.
    /// An empty body has no fields.
    ///
    /// - Throws: ``RequestError/payloadTooLarge``, ``RequestError/unsupportedMediaType`` for a body
    ///   without a `Content-Type`, and ``RequestError/malformed(_:)`` for JSON that is
    ///   not an object.
    func readFields(format: BodyFormat, context: some RequestContext) async throws(RequestError) -> RequestFields {
        if let declared = headers[.contentLength].flatMap(Int.init), declared > context.maxUploadSize {
            throw .payloadTooLarge
        }
        let body: ByteBuffer
        do {
            body = try await self.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw .payloadTooLarge
        } catch {
            throw .malformed("The request body could not be read.")
        }
        let bytes = Array(body.readableBytesView)
        if bytes.isEmpty { return RequestFields(object: [:]) }
        if headers[.contentType] == nil { throw .unsupportedMediaType }
        switch format {
        case .json:
            return RequestFields(object: try Self.jsonObject(bytes))
        case .form:
            return RequestFields(form: try FormDecoding.fields(of: bytes))
        }
    }

    private static func jsonObject(_ bytes: [UInt8]) throws(RequestError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .malformed("The request body is not valid JSON.")
        }
        guard let object = value.members else {
            throw .malformed("The request body must be a JSON object.")
        }
        return object
    }
}
