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

    public func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
