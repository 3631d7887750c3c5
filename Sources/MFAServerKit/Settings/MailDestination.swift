import MFAMail

/// Where the server's emails go, read from `MFA_MAIL_URL`.
public enum MailDestination: Sendable, Equatable {
    /// An SMTP server.
    case smtp(SMTPConfiguration)
    /// One `.eml` file per message in this directory.
    case directory(path: String)
    /// The server's own log, links included: for development only.
    case log

    /// Reads `smtp://[user:pass@]host:port[?tls=none|starttls|tls]`,
    /// `file://DIR` (everything after the scheme is the path) or `log:`.
    ///
    /// - Throws: ``SettingError`` for any other form, or an `smtp://` URL that
    ///   cannot be used; the error never repeats the URL, which may hold a password.
    public init(url: String, sender: Mailbox) throws(SettingError) {
        if url == "log:" {
            self = .log
        } else if url.hasPrefix("file://") {
            let path = String(url.dropFirst("file://".count))
            guard !path.isEmpty else { throw SettingError(.mailURL, "file:// needs a directory path") }
            self = .directory(path: path)
        } else if url.lowercased().hasPrefix("smtp://") {
            do {
                self = .smtp(try SMTPConfiguration(url: url, sender: sender))
            } catch {
                throw SettingError(.mailURL, error.description)
            }
        } else {
            throw SettingError(.mailURL, "must be smtp://..., file:///dir or log:")
        }
    }
}
