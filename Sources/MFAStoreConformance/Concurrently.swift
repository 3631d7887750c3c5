import MFACore
import Testing

/// Runs `body` `count` times at once, each with its index, and returns how each run ended.
func concurrently<Value: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) async throws -> Value
) async -> [Result<Value, any Error>] {
    await withTaskGroup(of: Result<Value, any Error>.self) { group in
        for index in 0..<count {
            group.addTask {
                do { return .success(try await body(index)) } catch { return .failure(error) }
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
}

/// Expects exactly `winners` runs to have succeeded and every other run to have failed with `error`.
func expect<Value>(
    _ results: [Result<Value, any Error>], winners: Int, losersSee error: MFAStoreError,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var (successes, failures) = (0, [any Error]())
    for result in results {
        switch result {
        case .success: successes += 1
        case .failure(let failure): failures.append(failure)
        }
    }
    #expect(successes == winners, sourceLocation: sourceLocation)
    for failure in failures {
        #expect(failure as? MFAStoreError == error, "\(failure)", sourceLocation: sourceLocation)
    }
}
