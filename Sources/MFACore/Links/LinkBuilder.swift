/// Turns a one-time token into the URL an email carries.
///
/// MFACore knows what a link is for and its token, never where the page that
/// completes it lives: the program that serves the pages supplies the builder.
///
/// ```swift
/// struct Links: LinkBuilder {
///     func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
///         "\(publicURL)/confirm/\(purpose.rawValue)?token=\(token)"
///     }
/// }
/// ```
public protocol LinkBuilder: Sendable {
    /// The URL of the page that completes a link of `purpose` carrying `token`.
    ///
    /// - Parameters:
    ///   - purpose: what the link is for.
    ///   - token: the one-time token, base64url: safe in a path or a query as it is.
    ///   - publicURL: ``MFAConfiguration/publicURL`` without a trailing slash.
    func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String
}
