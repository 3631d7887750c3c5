import Synchronization

/// Runs slow password hashing off the caller's executor, a bounded number at
/// once, with a bounded queue that fails fast when full.
///
/// Hashes run on threads of their own, below the priority of the threads that
/// serve requests (see `BackgroundThread`), so that Swift's cooperative pool is
/// never blocked for tens of milliseconds and cheap requests are answered
/// promptly while every hashing slot is busy.
public final class PasswordHashingPool: Sendable {
    private let hasher: any PasswordHasher
    private let gate: Mutex<Gate>
    private let observe: @Sendable (Duration) -> Void

    /// Creates a pool around `hasher`.
    ///
    /// - Parameters:
    ///   - hasher: does the hashing and verifying.
    ///   - concurrency: how many hashes run at once (at least one).
    ///   - queueLimit: how many may wait for a turn before ``hash(_:)`` and
    ///     ``verify(_:against:)`` throw ``PasswordHashingPoolError/overloaded``.
    ///   - observe: told how long each hash or verification took.
    public init(
        hasher: any PasswordHasher, concurrency: Int, queueLimit: Int,
        observe: @escaping @Sendable (Duration) -> Void = { _ in }
    ) {
        self.hasher = hasher
        gate = Mutex(Gate(free: max(1, concurrency), queueLimit: queueLimit))
        self.observe = observe
    }

    /// Hashes `password` with the pool's hasher, waiting for a turn.
    public func hash(_ password: String) async throws -> String {
        try await run { hasher in try hasher.hash(password) }
    }

    /// Checks `password` against `storedHash` with the pool's hasher, waiting for a turn.
    public func verify(_ password: String, against storedHash: String) async throws -> PasswordVerification {
        try await run { hasher in try hasher.verify(password, against: storedHash) }
    }

    /// Takes a turn now, for a hash that comes later in the same request: waits
    /// for it, or throws ``PasswordHashingPoolError/overloaded`` at once when the
    /// queue is full.
    ///
    /// A request that would only learn at its hash that the server is overloaded
    /// has by then done its reads for nothing, and under a burst so have all the
    /// others, so the refusals come late. Taking the turn first refuses before
    /// any other work. The turn goes back after the hash it is used for
    /// (``verify(_:against:in:)``), or when it is dropped unused.
    public func takeTurn() async throws -> HashingTurn {
        try await acquire()
        return HashingTurn(giveBack: release)
    }

    /// Checks `password` against `storedHash` in `turn`, taken earlier with ``takeTurn()``.
    public func verify(_ password: String, against storedHash: String, in turn: HashingTurn) async throws -> PasswordVerification {
        defer { turn.giveBack() }
        return try await runNow { hasher in try hasher.verify(password, against: storedHash) }
    }

    private func run<Result: Sendable>(_ work: @escaping @Sendable (any PasswordHasher) throws -> Result) async throws -> Result {
        try await acquire()
        defer { release() }
        return try await runNow(work)
    }

    /// Runs `work` on a hashing thread; the caller holds a turn.
    private func runNow<Result: Sendable>(_ work: @escaping @Sendable (any PasswordHasher) throws -> Result) async throws -> Result {
        let hasher = self.hasher
        let observe = self.observe
        return try await withCheckedThrowingContinuation { continuation in
            BackgroundThread.run {
                let start = ContinuousClock.now
                let result = Swift.Result { try work(hasher) }
                observe(ContinuousClock.now - start)
                continuation.resume(with: result)
            }
        }
    }

    private func acquire() async throws {
        enum Admission { case now, overloaded, wait }
        let admission: Admission = gate.withLock { gate in
            if gate.free > 0 {
                gate.free -= 1
                return .now
            }
            return gate.waiters.count < gate.queueLimit ? .wait : .overloaded
        }
        switch admission {
        case .now: return
        case .overloaded: throw PasswordHashingPoolError.overloaded
        case .wait:
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let admittedAtOnce = gate.withLock { gate in
                    // A permit may have been released between the two locks.
                    if gate.free > 0 {
                        gate.free -= 1
                        return true
                    }
                    gate.waiters.append(continuation)
                    return false
                }
                if admittedAtOnce { continuation.resume() }
            }
        }
    }

    private func release() {
        let next = gate.withLock { gate -> CheckedContinuation<Void, Never>? in
            if gate.waiters.isEmpty {
                gate.free += 1
                return nil
            }
            return gate.waiters.removeFirst()
        }
        next?.resume()
    }

    private struct Gate {
        var free: Int
        let queueLimit: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
}

/// One turn of a ``PasswordHashingPool``, taken with ``PasswordHashingPool/takeTurn()``.
///
/// It goes back to the pool once: after the hash it is used for, or when the
/// last reference to it goes away unused (a request that failed before its hash).
public final class HashingTurn: Sendable {
    private let held = Atomic(true)
    private let release: @Sendable () -> Void

    fileprivate init(giveBack release: @escaping @Sendable () -> Void) {
        self.release = release
    }

    fileprivate func giveBack() {
        if held.exchange(false, ordering: .acquiringAndReleasing) { release() }
    }

    deinit { giveBack() }
}

/// Why a ``PasswordHashingPool`` refused work.
public enum PasswordHashingPoolError: Error, Sendable, Equatable {
    /// Every hashing slot is busy and the queue is full: fail fast rather than wait.
    case overloaded
}
