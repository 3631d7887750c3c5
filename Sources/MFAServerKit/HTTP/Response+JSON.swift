import Foundation
import Hummingbird

extension Response {
    /// A JSON answer, UTF-8, with slashes left unescaped so that URIs read as
    /// written, and keys sorted so that equal answers are equal byte for byte.
    static func json(_ body: some Encodable, status: HTTPResponse.Status, contentType: String = "application/json") throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        return Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
