import Foundation

extension Process {
    /// Blocks until the process has ended, without a run loop.
    ///
    /// Foundation's `waitUntilExit()` spins the calling thread's `RunLoop`; on
    /// Linux that crashed the test process (a bad pointer in
    /// `CFRunLoopGetCurrent`) when called from the cooperative threads Swift
    /// Testing runs tests on. `isRunning` is updated by Foundation's own
    /// child-process monitor, so polling it is safe from any thread.
    public func waitForExit() {
        while isRunning { usleep(2_000) }
    }
}
