import Logging
import MFACore

/// Writes each message to a log instead of sending it — for development only.
///
/// The one-time links in the messages are the secrets that prove ownership of
/// a mailbox: whoever reads this log can sign in as anyone who asked for a
/// link. Never use it where anyone but the developer can read the logs.
public struct LogMailTransport: MailTransport {
    private let logger: Logger
    private let level: Logger.Level

    /// Creates a transport that logs each message to `logger` at `level`.
    public init(logger: Logger, level: Logger.Level = .info) {
        self.logger = logger
        self.level = level
    }

    /// Logs `message`: recipient, subject and the whole body.
    public func send(_ message: MailMessage) async throws {
        logger.log(
            level: level,
            "Mail to \(message.recipient): \(message.subject)\n\(message.textBody)",
            metadata: ["mail.recipient": "\(message.recipient)"]
        )
    }
}
