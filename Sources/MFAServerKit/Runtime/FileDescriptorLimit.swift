#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files.
enum FileDescriptorLimit {
    /// Raises the soft limit to the hard limit, so that `MFA_MAX_CONNECTIONS`
    /// connections fit beside the store's files; shells often start
    /// processes with a soft limit of 1024.
    ///
    /// - Returns: the soft limit now in force, or `nil` if it cannot be read.
    static func raise() -> UInt64? {
        var limit = rlimit()
        guard getrlimit(resourceLimitFiles, &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resourceLimitFiles, &raised) == 0 { limit = raised }
        }
        return UInt64(limit.rlim_cur)
    }

    #if canImport(Glibc)
    private static let resourceLimitFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceLimitFiles = RLIMIT_NOFILE
    #endif
}
