import Foundation

/// Tells the time. Every expiry, limit and TOTP step in MFACore reads it here,
/// so tests can move time with MFACoreTesting's `ManualClock` instead of sleeping.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: WallClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Date { Date() }
}
