import ServiceLifecycle

/// Runs `work` now and then every `interval` until graceful shutdown: the loop
/// of the background services. A failure is reported and the next turn comes as usual,
/// so outages are waited out.
func repeatUntilShutdown(
    every interval: Duration,
    _ work: @escaping @Sendable () async throws -> Void,
    onFailure: @escaping @Sendable (any Error) -> Void
) async {
    await cancelWhenGracefulShutdown {
        while !Task.isCancelled {
            do {
                try await work()
            } catch {
                onFailure(error)
            }
            try? await Task.sleep(for: interval)
        }
    }
}
