#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one job on a thread of its own below the process's scheduling priority.
///
/// A password hash keeps a core busy for tens of milliseconds. At the same
/// priority as the threads that serve requests, the scheduler shares the cores
/// fairly between them, so while the hashing slots are full every cheap
/// request (`/health`, a session check, a refusal of the overload) waits for
/// time slices behind the hashes. Below it, a request's thread runs as soon as
/// it wakes, and the hashes take all the time nobody else wants: the same
/// number of hashes per second on a machine that is not overloaded.
///
/// One thread per job: a hash costs about a thousand times what starting a
/// thread does, and a thread that ends with its job leaves nothing behind when
/// the pool goes away.
enum BackgroundThread {
    /// How far below the process's threads a job runs: Linux's nice value,
    /// relative to the process's own. At +10 the scheduler weighs a job's thread
    /// about a tenth of a normal one (Linux's `sched_prio_to_weight`).
    static let niceIncrement: Int32 = 10

    /// Starts `job` on a new thread of lower priority.
    static func run(_ job: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Job(job)).toOpaque()
        if !startThread(with: box) {
            // No thread to be had (the process is at its limit): the job still runs, at normal priority.
            Unmanaged<Job>.fromOpaque(box).takeRetainedValue().body()
        }
    }

    private static func startThread(with box: UnsafeMutableRawPointer) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        return pthread_create(&thread, &attributes, threadMain, box) == 0
    }

    #if canImport(Darwin)
    private typealias ThreadArgument = UnsafeMutableRawPointer
    #else
    private typealias ThreadArgument = UnsafeMutableRawPointer?
    #endif

    private static let threadMain: @convention(c) (ThreadArgument) -> UnsafeMutableRawPointer? = { box in
        let pointer: UnsafeMutableRawPointer? = box // optional on Linux, not on Darwin
        let job = Unmanaged<Job>.fromOpaque(pointer!).takeRetainedValue()
        lowerOwnPriority()
        job.body()
        return nil
    }

    private static func lowerOwnPriority() {
        #if os(Linux)
        // On Linux the nice value belongs to each thread, and PRIO_PROCESS with
        // `who` 0 means the calling thread, not the whole process (setpriority(2), "Bugs").
        let process = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(process, 0, getpriority(process, 0) + niceIncrement)
        #elseif canImport(Darwin)
        _ = pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0)
        #endif
    }

    private final class Job: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
