import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A short-lived program run with `posix_spawn`, its standard streams files.
///
/// Not Foundation's `Process`: on Linux its `run()` reads `/proc/self/fd` with a
/// buffer over-read (swift-corelibs-foundation #5472, fixed after Swift 6.3.1)
/// that crashed the whole test run now and then once the test process held
/// a thousand descriptors or more, as it does with every test running at once.
public struct SpawnedProcess {
    private let pid: pid_t

    /// Starts `executable` with `arguments`: standard input from the file at
    /// `inputPath`, output and errors into the files at `outputPath` and `errorPath`.
    public init(
        _ executable: URL, _ arguments: [String],
        inputPath: String = "/dev/null", outputPath: String, errorPath: String = "/dev/null"
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        Self.closeInheritedDescriptors(&actions)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ExternalTool.Failure(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))", status: nil)
        }
        self.pid = pid
    }

    /// Runs a program to its end without holding a thread meanwhile, and returns its exit status.
    public static func run(
        _ executable: URL, _ arguments: [String], outputPath: String, errorPath: String = "/dev/null"
    ) async throws -> Int32 {
        let process = try SpawnedProcess(executable, arguments, outputPath: outputPath, errorPath: errorPath)
        while true {
            if let status = process.exitStatus(waiting: false) { return status }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The exit status (a negative signal number when a signal ended it), once it
    /// has ended; with `waiting`, blocks the thread until then.
    public func exitStatus(waiting: Bool) -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, waiting ? 0 : WNOHANG) == pid else { return nil }
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -(status & 0x7F)
    }

    /// Closes every descriptor from 3 up in the child (glibc's
    /// `posix_spawn_file_actions_addclosefrom_np`, looked up because Swift does not import it).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
