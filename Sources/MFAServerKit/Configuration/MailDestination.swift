/// Where the server's emails go, read from `MFA_MAIL_URL`.
public enum MailDestination: Sendable, Equatable {
    /// An SMTP server, described by the whole `smtp://` URL.
    case smtp(url: String)
    /// One `.eml` file per message in this directory.
    case directory(path: String)
    /// The server's own log, links included: for development only.
    case log

    /// Reads `smtp://...`, `file://DIR` (everything after the scheme is the
    /// path) or `log:`.
    ///
    /// - Throws: ``SettingError`` for any other form.
    public init(url: String) throws(SettingError) {
        if url == "log:" {
            self = .log
        } else if url.hasPrefix("file://") {
            let path = String(url.dropFirst("file://".count))
            guard !path.isEmpty else { throw SettingError(.mailURL, "file:// needs a directory path") }
            self = .directory(path: path)
        } else if url.hasPrefix("smtp://") {
            self = .smtp(url: url)
        } else {
            throw SettingError(.mailURL, "must be smtp://..., file:///dir or log:")
        }
    }
}
