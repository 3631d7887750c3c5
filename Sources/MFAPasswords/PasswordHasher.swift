/// The outcome of checking a password against a stored hash.
public enum PasswordVerification: Sendable, Equatable {
    /// The password does not match.
    case mismatch
    /// The password matches and the stored hash uses the configured parameters.
    case match
    /// The password matches, but the stored hash uses another algorithm or weaker
    /// parameters than the configured ones: store a fresh hash of the password.
    case matchNeedsRehash
}

/// Turns passwords into stored hashes and checks passwords against them.
///
/// Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), so
/// that the algorithm and its parameters travel with every stored hash.
/// Implementations are deliberately slow and synchronous; `PasswordHashingPool` runs them off
/// the caller's executor with bounded concurrency.
public protocol PasswordHasher: Sendable {
    /// Hashes `password` with a fresh random salt and returns a PHC string.
    func hash(_ password: String) throws -> String

    /// Checks `password` against `storedHash`, a PHC string made by this or a
    /// supported older hasher, in time independent of where the bytes differ.
    func verify(_ password: String, against storedHash: String) throws -> PasswordVerification

    /// Whether `storedHash` is of a form ``verify(_:against:)`` reads, known
    /// without the slow work of a verification (for checking imported hashes).
    func recognizes(_ storedHash: String) -> Bool
}
