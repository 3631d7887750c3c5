import Foundation
import Synchronization

/// The store's last health answer and when it was asked: load balancers ask
/// many times a second, and the answer of the last second is as good as a new
/// one, so health checks reach the store at most once a second.
final class HealthCheckCache: Sendable {
    /// How long an answer stands.
    static let maxAge: TimeInterval = 1

    /// The last check (running or finished) and when it started; checks that
    /// arrive while it runs share it.
    private let last = Mutex<(askedAt: Date, answer: Task<MFAError?, Never>)?>(nil)

    /// The answer of a check started within the last second, or of `check`,
    /// started now. An answer is nil when the store is healthy.
    func answer(now: Date, asking check: @escaping @Sendable () async -> MFAError?) async -> MFAError? {
        let answer = last.withLock { last in
            // abs: a wall clock set back must not keep an answer for ever.
            if let last, abs(now.timeIntervalSince(last.askedAt)) < Self.maxAge { return last.answer }
            let answer = Task { await check() }
            last = (now, answer)
            return answer
        }
        return await answer.value
    }
}
