/// Delivers mail messages: SMTP, a directory of `.eml` files, a log, or a recorder in tests.
public protocol MailTransport: Sendable {
    /// Delivers `message`, or throws a ``MailDeliveryError``.
    func send(_ message: MailMessage) async throws
}

/// Why a delivery failed, so that the outbox knows whether to try again.
public enum MailDeliveryError: Error, Sendable, Equatable {
    /// Worth retrying later: a timeout, a refused connection, a 4xx reply.
    case transient(String)
    /// Never worth retrying: a 5xx reply, an address the server refuses.
    case permanent(String)
}
