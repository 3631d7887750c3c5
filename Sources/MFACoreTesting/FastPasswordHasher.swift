import MFAPasswords

extension PHCPasswordHasher {
    /// Real Argon2id with tiny parameters (64 KiB, one pass), so that tests of
    /// code that hashes passwords stay fast in debug builds. Never use it in
    /// production: these parameters protect nothing.
    public static let fastForTesting = PHCPasswordHasher(
        // 64 KiB, one pass and one lane are within Argon2id's bounds.
        scheme: .argon2id(try! Argon2id(memoryKiB: 64, iterations: 1, parallelism: 1))
    )
}
