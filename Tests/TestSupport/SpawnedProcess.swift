import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A short-lived program run with `posix_spawn` and awaited without holding a
/// thread, for tests that run many at once.
///
/// Not Foundation's `Process`: on Linux its `run()` reads `/proc/self/fd` with a
/// buffer over-read that crashes the test process now and then (fixed in
/// swift-corelibs-foundation #5472, after Swift 6.3.1), and the more processes a
/// test run starts while it holds many descriptors, the likelier that is.
public enum SpawnedProcess {
    /// Runs `executable` with `arguments`, standard input empty, standard output
    /// into the file at `outputPath` and standard error into `errorPath`; returns the exit status.
    public static func run(_ executable: URL, _ arguments: [String], outputPath: String, errorPath: String = "/dev/null") async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ExternalTool.Failure(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))", status: nil)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
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
