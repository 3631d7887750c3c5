import MFASecureBytes
import Synchronization

/// A deterministic random source for tests: the same seed yields the same bytes.
///
/// Never use it in production: its output is predictable by design.
public final class SeededRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    /// Creates a source whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    public func bytes(count: Int) -> [UInt8] {
        state.withLock { state in
            (0..<count).map { _ in UInt8(truncatingIfNeeded: Self.splitMix64(&state) >> 56) }
        }
    }

    // SplitMix64: tiny, well distributed, and stable across platforms.
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
