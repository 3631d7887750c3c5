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

    /// Draws eight bytes per request to the kernel, not one: each request
    /// (`getrandom` on Linux) costs the kernel a fresh generator state, several
    /// microseconds, and a link took 64 of them.
    public func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0.prefix(count - bytes.count)) }
        }
        return bytes
    }
}
