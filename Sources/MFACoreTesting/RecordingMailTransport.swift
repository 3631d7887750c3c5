import Synchronization

/// A mail transport that keeps every message instead of sending it, for tests.
public final class RecordingMailTransport: MailTransport {
    private let recorded = Mutex<[MailMessage]>([])

    /// Creates an empty recorder.
    public init() {}

    public func send(_ message: MailMessage) async throws {
        recorded.withLock { $0.append(message) }
    }

    /// Every message sent so far, oldest first.
    public var messages: [MailMessage] { recorded.withLock { $0 } }

    /// The messages sent to `recipient` (compared case-insensitively), oldest first.
    public func messages(to recipient: String) -> [MailMessage] {
        messages.filter { $0.recipient.lowercased() == recipient.lowercased() }
    }
}

extension MailMessage {
    /// The one-time token in the message's link, if it carries one.
    public var oneTimeToken: String? {
        guard let range = textBody.range(of: "one_time_url=") else { return nil }
        return String(textBody[range.upperBound...].prefix { !$0.isWhitespace })
    }
}
