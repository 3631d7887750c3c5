import MFACore

/// A ``LinkBuilder`` for tests: `<publicURL>/<purpose>?token=<token>`, e.g.
/// `https://auth.example.com/login?token=…`. Read tokens back with
/// `MailMessage.oneTimeToken`.
public struct TestLinkBuilder: LinkBuilder {
    /// Creates the builder.
    public init() {}

    public func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
        "\(publicURL)/\(purpose.rawValue)?token=\(token)"
    }
}
