import Synchronization

/// The error of an operation that did not finish within its deadline.
struct DeadlinePassed: Error {}

/// Runs `operation` and returns its result, or throws ``DeadlinePassed`` once
/// `limit` has passed, whichever comes first.
///
/// The caller gets its answer at the deadline even when the operation cannot
/// be interrupted (a query already sent waits for its answer): the operation
/// is cancelled and finishes on its own, so its outcome is unknown to the
/// caller, as with any timeout. postgres-nio's pool waits for a connection
/// with its own back-off, which it does not expose; this bounds that wait.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let answer = OneAnswer<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            answer.expect(continuation)
            let work = Task {
                do { answer.give(.success(try await operation())) } catch { answer.give(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { answer.give(.failure(DeadlinePassed())) }
            }
            answer.onAnswer { work.cancel(); timer.cancel() }
        }
    } onCancel: {
        answer.give(.failure(CancellationError()))
    }
}

/// A continuation resumed once, by whichever of several parties answers first.
private final class OneAnswer<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var cleanup: (@Sendable () -> Void)?
        var answered = false
    }

    private let state = Mutex(State())

    func expect(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if state.early == nil { state.continuation = continuation }
            return state.early
        }
        if let early { continuation.resume(with: early) }
    }

    /// Runs `cleanup` once answered: now if an answer came already.
    func onAnswer(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if !state.answered { state.cleanup = cleanup }
            return state.answered
        }
        if runNow { cleanup() }
    }

    func give(_ result: Result<T, any Error>) {
        let (continuation, cleanup) = state.withLock { state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
            guard !state.answered else { return (nil, nil) }
            state.answered = true
            if state.continuation == nil { state.early = result }
            defer { state.continuation = nil; state.cleanup = nil }
            return (state.continuation, state.cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
    }
}
