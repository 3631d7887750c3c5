#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of random bytes.
///
/// MFAOTP, MFAPasswords and MFACore draw every secret (TOTP secrets, salts,
/// link tokens, session tokens, recovery codes) from a `RandomSource`, so that
/// tests can make those secrets reproducible with MFACoreTesting's
/// `SeededRandomSource` while production uses the operating system's CSPRNG
/// through ``SystemRandomSource``.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure random number generator.
public struct SystemRandomSource: RandomSource {
    /// Creates the system random source.
    public init() {}

    /// Draws up to 256 bytes per request to the kernel (`getentropy`, a
    /// `getrandom` system call on Linux), not eight as `SystemRandomNumberGenerator`
    /// does: each request costs about a microsecond, and a link takes several draws.
    public func bytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let length = min(256, buffer.count - offset) // getentropy's limit
                // It fails only where the kernel has no generator to offer; no secret may be drawn then.
                guard getentropy(buffer.baseAddress! + offset, length) == 0 else {
                    fatalError("the system's random generator is not available")
                }
                offset += length
            }
        }
        return bytes
    }
}
