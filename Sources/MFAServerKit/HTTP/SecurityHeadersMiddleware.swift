import HTTPTypes
import Hummingbird
import MFAPages

/// Adds the contract's page headers to every answer: the Content Security
/// Policy, `nosniff`, `Referrer-Policy: no-referrer` and `Cache-Control: no-store`.
///
/// The pages need them by contract, as their URLs carry one-time tokens; the
/// JSON answers get them too, since they carry secrets, recovery codes and
/// session tokens that no cache may keep. The headers come from
/// `Pages.securityHeaders`, so pages and server cannot disagree on them. A page
/// that loads the passkey script set its own, looser Content-Security-Policy
/// (``Response/page(_:status:)``), which is kept.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = MFARequestContext

    private static let headers: HTTPFields = {
        var fields = HTTPFields()
        for header in Pages.securityHeaders {
            // The names are standard header names, valid by construction.
            fields[HTTPField.Name(header.name)!] = header.value
        }
        return fields
    }()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.headers where field.name != .contentSecurityPolicy || response.headers[.contentSecurityPolicy] == nil {
            response.headers[field.name] = field.value
        }
        return response
    }
}
