import Hummingbird
import MFACore
import MFAPages

extension Response {
    /// An HTML page from MFAPages.
    static func page(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: Pages.contentType],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A page that shows `error`, with its status and, for `429`, `Retry-After`.
    static func page(_ html: String, showing error: MFAError) -> Response {
        var response = page(html, status: .init(code: error.status))
        if case .rateLimited(let seconds) = error {
            response.headers[.retryAfter] = String(seconds)
        }
        return response
    }
}
