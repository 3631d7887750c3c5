import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program the tests start with `posix_spawn`, its standard streams files: the
/// one way the tests run another program.
///
/// Not Foundation's `Process`: on Linux its `run()` reads `/proc/self/fd` with a
/// buffer over-read (swift-corelibs-foundation #5472, fixed after Swift 6.3.1)
/// that crashes the whole test process now and then (SIGSEGV), more often the more
/// descriptors the process holds, as it does with every test running at once. Files
/// rather than pipes also mean that a child writing much never blocks, and one that
/// exits without reading its input never kills the test process with `SIGPIPE`.
public final class SpawnedProcess: Sendable {
    /// The child's process id.
    public let pid: pid_t
    /// Its exit status once reaped; a child is reaped exactly once, and never
    /// signalled afterwards, when its pid may already be another process's.
    private let reaped = Mutex<Int32?>(nil)
    /// What ends the child if it is still running when this value goes away.
    private let stopSignal: Int32

    /// Starts `executable` with `arguments`: standard input from the file at
    /// `inputPath`, output into the file at `outputPath`, and errors into the file at
    /// `errorPath`, or into the output file when it is `nil`. The child gets
    /// `environment` (this process's when `nil`), every signal at its default action
    /// and none blocked, and no descriptor of this process but the three. If it is
    /// still running when this value goes away, `stopSignal` ends it: `SIGTERM` for
    /// a program that must stop children of its own, such as nginx its workers.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        inputPath: String = "/dev/null", outputPath: String = "/dev/null", errorPath: String? = "/dev/null",
        stopSignal: Int32 = SIGKILL
    ) throws {
        self.stopSignal = stopSignal
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        Self.closeInheritedDescriptors(&actions)

        // The test threads may block signals (SIGTERM among them) or ignore SIGPIPE,
        // and a child inherits both: a server would then ignore the SIGTERM a test sends.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in environment { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environment)
        guard spawned == 0 else {
            throw ExternalTool.Failure(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))", status: nil)
        }
        self.pid = pid
    }

    /// Runs a program to its end without holding a thread meanwhile, and returns its exit status.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        inputPath: String = "/dev/null", outputPath: String, errorPath: String? = "/dev/null"
    ) async throws -> Int32 {
        try await SpawnedProcess(
            executable, arguments, environment: environment, inputPath: inputPath, outputPath: outputPath, errorPath: errorPath
        ).waitForExit()
    }

    /// A child left running by a test that failed early is ended, not left behind.
    deinit {
        signal(stopSignal)
        _ = exitStatus(waiting: true)
    }

    /// The exit status (a negative signal number when a signal ended it), once it
    /// has ended; with `waiting`, blocks the thread until then.
    public func exitStatus(waiting: Bool) -> Int32? {
        while true {
            if let status = reapIfEnded() { return status }
            guard waiting else { return nil }
            usleep(2_000)
        }
    }

    /// Whether the child has not ended yet.
    public var isRunning: Bool { exitStatus(waiting: false) == nil }

    /// Waits for the end without holding a thread, and returns the exit status.
    public func waitForExit() async throws -> Int32 {
        while true {
            if let status = exitStatus(waiting: false) { return status }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends `signal` to the child, unless it has already been reaped.
    public func signal(_ signal: Int32) {
        reaped.withLock { status in
            if status == nil { kill(pid, signal) }
        }
    }

    /// Reaps the child if it has ended (under the lock, so that it happens once).
    private func reapIfEnded() -> Int32? {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            // WIFEXITED and WEXITSTATUS, which Swift does not import.
            reaped = status & 0x7F == 0 ? (status >> 8) & 0xFF : -(status & 0x7F)
            return reaped
        }
    }

    /// Closes every descriptor from 3 up in the child (glibc's
    /// `posix_spawn_file_actions_addclosefrom_np`, looked up because Swift does not import it).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
