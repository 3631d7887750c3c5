/// Something worth counting or logging that happened inside MFACore.
///
/// The server turns these into metrics and its security log; an embedding
/// program may log or count them. Events never carry secrets or addresses.
public enum MFAEvent: Sendable, Hashable {
    /// A login completed.
    case loginSucceeded
    /// A login completion was refused for wrong credentials.
    case loginFailed
    /// An email was queued in the outbox.
    case mailQueued
    /// An email was delivered.
    case mailSent
    /// An email delivery failed for now and will be retried.
    case mailRetried
    /// An email delivery failed for good.
    case mailFailed
    /// An email was dropped because its link expired before it could be sent.
    case mailDropped
    /// A password hash (or verification) took this long.
    case passwordHashed(Duration)
    /// An authentication event for the security log.
    case security(SecurityEvent)
}

/// Receives ``MFAEvent``s. Called inline, so keep it fast and non-blocking.
public protocol MFAEventObserver: Sendable {
    /// Records one event.
    func record(_ event: MFAEvent)
}

/// An observer that passes each event to several observers, in order.
public struct MFAEventObservers: MFAEventObserver {
    private let observers: [any MFAEventObserver]

    /// Creates an observer that passes each event to each of `observers`.
    public init(_ observers: [any MFAEventObserver]) {
        self.observers = observers
    }

    public func record(_ event: MFAEvent) {
        for observer in observers { observer.record(event) }
    }
}

/// An observer that ignores every event.
public struct IgnoringEventObserver: MFAEventObserver {
    /// Creates the observer.
    public init() {}

    public func record(_ event: MFAEvent) {}
}
