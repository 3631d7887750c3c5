import Hummingbird
import MFACore
import MFAPages

extension Response {
    /// An HTML page from MFAPages, with the Content-Security-Policy it needs (see
    /// `Pages.contentSecurityPolicy(for:)`), which ``SecurityHeadersMiddleware`` keeps.
    static func page(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: Pages.contentType, .contentSecurityPolicy: Pages.contentSecurityPolicy(for: html)],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A page that shows `problem`, with its status and, for `429`, `Retry-After`.
    static func page(_ html: String, showing problem: some HTTPProblem) -> Response {
        var response = page(html, status: problem.status)
        if let seconds = problem.retryAfterSeconds {
            response.headers[.retryAfter] = String(seconds)
        }
        return response
    }
}
