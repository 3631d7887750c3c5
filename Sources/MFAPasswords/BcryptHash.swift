import HummingbirdBcrypt

/// A bcrypt hash (`$2b$12$<22 characters of salt><31 of hash>`), which other
/// systems store and which is not a PHC string: verified, never made, so that
/// users moved from such a system keep their password until their next sign-in
/// replaces the hash with one of the configured scheme.
struct BcryptHash {
    /// The versions passlib, OpenBSD and PHP write; all verify alike.
    private static let prefixes = ["$2a$", "$2b$", "$2y$"]
    /// bcrypt's alphabet: `./A-Za-z0-9`.
    private static let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    private let encoded: String

    /// Whether `storedHash` claims to be bcrypt, well formed or not.
    static func isBcrypt(_ storedHash: String) -> Bool {
        prefixes.contains { storedHash.hasPrefix($0) }
    }

    /// Reads a bcrypt string: a known version, a two-digit cost from 4 to 31
    /// and 53 characters of salt and hash.
    ///
    /// - Throws: ``PHCStringError/invalidHash`` for anything else.
    init(_ storedHash: String) throws(PHCStringError) {
        let fields = storedHash.split(separator: "$", omittingEmptySubsequences: false)
        guard Self.isBcrypt(storedHash), fields.count == 4, fields[2].count == 2,
            let cost = Int(fields[2]), (4...31).contains(cost),
            fields[3].count == 53, fields[3].allSatisfy(Self.alphabet.contains)
        else { throw .invalidHash }
        encoded = storedHash
    }

    /// Whether `password` (its UTF-8 bytes, of which bcrypt reads the first 72,
    /// as passlib does) matches, compared in constant time by the C library.
    ///
    /// A password containing NUL never matches: bcrypt reads a C string and
    /// would stop at the NUL, so a prefix would match.
    func matches(_ password: String) -> Bool {
        guard !password.utf8.contains(0) else { return false }
        return Bcrypt.verify(password, hash: encoded)
    }
}
