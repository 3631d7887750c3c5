import Hummingbird
import MFAFormats

extension Response {
    /// A JSON answer, UTF-8, with slashes left unescaped so that URIs read as
    /// written, and keys sorted so that equal answers are equal byte for byte
    /// (``JSONText``: Foundation's encoder cost more than a request's work).
    static func json(_ body: some Encodable, status: HTTPResponse.Status, contentType: String = "application/json") throws -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONText.encode(body)))
        )
    }
}
