#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Matrices of finished Argon2 computations, wiped, kept for the next ones.
///
/// A server hashes with the same parameters all day. Freeing the 19 MiB of a
/// hash gives the pages back to the kernel, which must zero them again at the
/// next hash's first touch: a tenth of a sign-in's CPU time went to
/// `clear_page` in a profile of full logins. A wiped matrix kept here is
/// reused as it is. At most one per processor is kept (no more hashes than
/// that run at once in a pool sized to the cores), so the memory kept is at
/// most what the busiest moment used.
enum Argon2MatrixCache {
    private struct Matrix: @unchecked Sendable {
        let start: UnsafeMutableRawPointer
        let byteCount: Int
    }

    private static let capacity = min(8, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    private static let kept = Mutex<[Matrix]>([])

    /// A matrix of `byteCount` bytes on a boundary of `alignment`: a kept one, or a new allocation.
    static func take(byteCount: Int, alignment: Int) -> (start: UnsafeMutableRawPointer, isNew: Bool) {
        let reused = kept.withLock { kept -> Matrix? in
            guard let index = kept.firstIndex(where: { $0.byteCount == byteCount }) else { return nil }
            return kept.remove(at: index)
        }
        if let reused { return (reused.start, false) }
        return (UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment), true)
    }

    /// Keeps `start`, which the caller has wiped, or frees it when enough are kept.
    static func giveBack(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        let isKept = kept.withLock { kept in
            guard kept.count < capacity else { return false }
            kept.append(Matrix(start: start, byteCount: byteCount))
            return true
        }
        if !isKept { start.deallocate() }
    }
}
