import Foundation

/// A one-time link used by a completion, and the attempts it allows.
///
/// A link works while it is unexpired, unused and has counted fewer than
/// `maxAttempts` failures: a completion that commits through it checks all
/// three inside its transaction, so guesses raced past the budget fail even
/// when one of them is right.
public struct LinkUse: Sendable, Hashable {
    /// SHA-256 of the link's token.
    public var tokenHash: [UInt8]
    /// Failed attempts after which the link is burned.
    public var maxAttempts: Int

    /// Creates a link use.
    public init(tokenHash: [UInt8], maxAttempts: Int) {
        self.tokenHash = tokenHash
        self.maxAttempts = maxAttempts
    }
}

/// A completion refused for wrong credentials, recorded by ``MFAStore/recordFailure(_:)`` in one step.
public struct FailedCompletion: Sendable {
    /// The link the completion came through, if any; a failure counts one of its attempts.
    public var link: LinkUse?
    /// The account that failed, if any (a registration has none yet).
    public var accountID: String?
    /// How failures lock the account.
    public var policy: LockPolicy
    /// *Repeated failed sign-in attempts*, queued when this failure is the first lock of a series.
    public var firstLockNotice: QueuedMail?
    /// *Repeated failed sign-in attempts*, queued when this failure reaches the ceiling.
    public var ceilingNotice: QueuedMail?
    /// The time of the failure.
    public var now: Date

    /// Creates a failed completion.
    public init(
        link: LinkUse?, accountID: String?, policy: LockPolicy,
        firstLockNotice: QueuedMail? = nil, ceilingNotice: QueuedMail? = nil, now: Date
    ) {
        self.link = link
        self.accountID = accountID
        self.policy = policy
        self.firstLockNotice = firstLockNotice
        self.ceilingNotice = ceilingNotice
        self.now = now
    }

    /// The notice to queue when the account's consecutive failures become `failures`.
    ///
    /// The ceiling notice wins when both fall on one failure, so the owner gets one mail.
    public func notice(atFailures failures: Int) -> QueuedMail? {
        if failures == policy.ceiling { return ceilingNotice }
        if failures == policy.failuresPerLock { return firstLockNotice }
        return nil
    }
}

/// What ``MFAStore/recordFailure(_:)`` did.
public enum FailureOutcome: Sendable, Hashable {
    /// The failure was counted: the account now has `failures` consecutive
    /// failures (0 without an account) and, when this failure locked it, is
    /// locked until `lockedUntil`.
    case counted(failures: Int, lockedUntil: Date?)
    /// The account was locked already; nothing was counted.
    case accountLocked(until: Date)
    /// The link is gone, expired, or burned; nothing was counted.
    case linkUnusable
}
