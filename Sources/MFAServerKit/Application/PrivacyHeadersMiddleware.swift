import HTTPTypes
import Hummingbird

/// Adds `Referrer-Policy: no-referrer` and `Cache-Control: no-store` to every
/// answer: pages carry one-time tokens in their URL, and JSON answers carry
/// secrets, session tokens and recovery codes that no cache should keep.
struct PrivacyHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`, which swift-http-types does not name.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}

extension ContentSecurityPolicy {
    /// The contract's policy for every page: nothing from elsewhere, inline
    /// styles and `data:` images only, forms posting back to this server,
    /// and no framing.
    static let pages: ContentSecurityPolicy = [
        .defaultSrc(.none),
        .styleSrc(.unsafeInline),
        .imgSrc("data:"),
        .formAction(.self),
        .frameAncestors(.none),
    ]
}
