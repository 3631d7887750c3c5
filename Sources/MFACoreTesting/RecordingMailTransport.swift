import Foundation
import MFACore
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
    /// The link the message carries: its first line that is a URL, if any.
    public var link: String? {
        textBody.split(separator: "\n").lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
    }

    /// The one-time token in the message's link, if it carries one: the value of
    /// the link's last query parameter, whichever ``LinkBuilder`` placed it there.
    public var oneTimeToken: String? {
        guard let link, let equals = link.lastIndex(of: "=") else { return nil }
        let token = link[link.index(after: equals)...]
        return token.isEmpty ? nil : String(token)
    }
}
