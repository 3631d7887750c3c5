import Foundation

/// How consecutive failed completions lock an account.
///
/// Every `failuresPerLock`-th failure in a row locks the account; the first
/// lock of a series lasts `firstLock` seconds and each further one twice the
/// previous, at most `maxLock`. The count resets only on success, so guessing
/// slows down for good instead of resuming at full speed after each lock. At
/// `ceiling` failures TOTP codes stop being accepted until a success with a
/// recovery code: a mailbox holder cannot keep guessing six-digit codes forever.
public struct LockPolicy: Sendable, Hashable {
    /// Every this many consecutive failures lock the account.
    public var failuresPerLock: Int
    /// How long the first lock of a series lasts, in seconds.
    public var firstLock: TimeInterval
    /// The longest a lock lasts, in seconds.
    public var maxLock: TimeInterval
    /// Consecutive failures from which TOTP codes are refused.
    public var ceiling: Int

    /// Creates a policy; the defaults are the contract's.
    public init(failuresPerLock: Int = 10, firstLock: TimeInterval = 900, maxLock: TimeInterval = 86_400, ceiling: Int = 100) {
        self.failuresPerLock = failuresPerLock
        self.firstLock = firstLock
        self.maxLock = maxLock
        self.ceiling = ceiling
    }

    /// How long the account locks when its consecutive failures reach `failures`,
    /// or `nil` when that count does not lock it.
    public func lockDuration(atFailures failures: Int) -> TimeInterval? {
        guard failures > 0, failures % failuresPerLock == 0 else { return nil }
        // Past 2^40 the doubling has long passed any sane maxLock; capping the exponent avoids overflow.
        let doublings = min(failures / failuresPerLock - 1, 40)
        return min(firstLock * Double(1 << doublings), maxLock)
    }

    /// Whether TOTP codes are refused after `failures` consecutive failures.
    public func refusesTOTP(atFailures failures: Int) -> Bool {
        failures >= ceiling
    }
}
