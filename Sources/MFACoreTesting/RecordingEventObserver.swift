import MFACore
import Synchronization

/// An event observer that keeps every event, for tests.
public final class RecordingEventObserver: MFAEventObserver {
    private let recorded = Mutex<[MFAEvent]>([])

    /// Creates an empty recorder.
    public init() {}

    public func record(_ event: MFAEvent) {
        recorded.withLock { $0.append(event) }
    }

    /// Every event so far, oldest first.
    public var events: [MFAEvent] { recorded.withLock { $0 } }

    /// The security events so far, oldest first.
    public var securityEvents: [SecurityEvent] {
        events.compactMap { event in
            guard case .security(let security) = event else { return nil }
            return security
        }
    }

    /// Forgets every event so far, so that a test sees only what follows.
    public func clear() {
        recorded.withLock { $0.removeAll() }
    }
}
