import Foundation
import Hummingbird

extension Response {
    /// A JSON answer, UTF-8, with slashes left unescaped so that URIs read as
    /// written, and keys sorted so that equal answers are equal byte for byte.
    static func json(_ body: some Encodable, status: HTTPResponse.Status, contentType: String = "application/json") throws -> Response {
        let data = try encoder.encode(body)
        return Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// One encoder for every answer: making one costs as much as encoding a
    /// small body, and Foundation's encoder may be shared between threads.
    private static let encoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
