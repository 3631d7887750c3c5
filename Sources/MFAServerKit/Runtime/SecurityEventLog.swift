import Logging
import MFACore

/// Logs each ``MFACore/SecurityEvent`` as one notice line with `event=security`
/// and the fields of ``SecurityLogField``; MFACore's other events are the metrics'.
///
/// The line is built only when notices are logged at all (swift-log takes the
/// message and metadata as autoclosures), so a request pays for an event only
/// what the log needs.
public struct SecurityEventLog: MFAEventObserver {
    private let logger: Logger

    /// Creates a log writing to `logger`, whose own metadata (such as the operator's name) each line carries too.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs `event` when it is a security event.
    public func record(_ event: MFAEvent) {
        guard case .security(let event) = event else { return }
        logger.notice(SecurityLogField.message(for: event.kind.rawValue), metadata: event.logMetadata)
    }
}

/// The field names of the security log, written once for MFACore's events, the
/// operator commands' own lines and (`client.network`) the request log.
enum SecurityLogField {
    /// Always `security` on a security line, so that one filter finds them all.
    static let event = "event"
    /// The event's name: a ``MFACore/SecurityEvent/Kind`` raw value, or an operator command's.
    static let action = "action"
    /// The account's id; never its address.
    static let account = "account"
    /// The client's IPv4 address or IPv6 /64.
    static let clientNetwork = "client.network"
    /// What the user was doing: a link purpose, `password_change` or `recovery_codes`.
    static let purpose = "purpose"
    /// Why, or how: a ``MFACore/SecurityEvent/Reason`` raw value.
    static let reason = "reason"
    /// Why the service was unavailable: the store's description, or an error's type.
    static let cause = "cause"
    /// Who ran an operator command: the user on the machine, and through sudo whom.
    static let `operator` = "operator"

    /// The fields every security line has: `event=security` and its `action`.
    static func common(action: String) -> Logger.Metadata {
        [event: "security", Self.action: .string(action)]
    }

    /// The message of the line of `action`, its name as words: `link_requested` reads `Link requested`.
    static func message(for action: String) -> Logger.Message {
        let words = String(action.map { $0 == "_" ? " " : $0 })
        return "\(words.prefix(1).uppercased() + words.dropFirst())"
    }
}

extension SecurityEvent {
    /// The event's fields; those it does not have are left out.
    var logMetadata: Logger.Metadata {
        var metadata = SecurityLogField.common(action: kind.rawValue)
        if let accountID { metadata[SecurityLogField.account] = .string(accountID) }
        if let client { metadata[SecurityLogField.clientNetwork] = .string(client.key) }
        if let purpose { metadata[SecurityLogField.purpose] = .string(purpose.name) }
        if let reason { metadata[SecurityLogField.reason] = .string(reason.rawValue) }
        if let cause { metadata[SecurityLogField.cause] = .string(cause) }
        return metadata
    }
}
