import MFAPasswords
import Testing

/// bcrypt strings, as the Python prototype (passlib) and OpenBSD write them,
/// verify and always ask for a rehash to the configured scheme.
struct BcryptVerificationTests {
    let hasher = PHCPasswordHasher(scheme: PHCPasswordHasherTests.smallArgon2id)

    /// OpenBSD's (jBCrypt's) published vectors, `$2a$`, and passlib 1.7.4 with bcrypt 4.0.1, `$2b$`.
    static let vectors: [(password: String, hash: String)] = [
        ("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."),
        ("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
        ("correct horse battery staple", "$2b$04$zbQ/CjebqZalp/CEDA8nienjS6PYFzaJ/xgwls.LMNMxirzloKlU2"),
        ("pässwört ünïcode", "$2b$04$cqZdlynGBSImI2Zn76TP3efZZaahtlMvjoOqK/UnshtZmZGKGA00e"),
    ]

    @Test(arguments: vectors)
    func aMatchAsksForARehash(password: String, hash: String) throws {
        #expect(try hasher.verify(password, against: hash) == .matchNeedsRehash)
    }

    @Test(arguments: vectors)
    func anotherPasswordIsAMismatch(password: String, hash: String) throws {
        #expect(try hasher.verify(password + "x", against: hash) == .mismatch)
        #expect(try hasher.verify(password.uppercased() + "A", against: hash) == .mismatch)
    }

    @Test func theRehashIsOfTheConfiguredScheme() throws {
        let (password, bcrypt) = Self.vectors[2]
        #expect(try hasher.verify(password, against: bcrypt) == .matchNeedsRehash)
        let rehashed = try hasher.hash(password)
        #expect(rehashed.hasPrefix("$argon2id$"))
        #expect(try hasher.verify(password, against: rehashed) == .match)
    }

    /// bcrypt reads a C string: "abc\0anything" would otherwise match the hash of "abc".
    @Test func aPasswordWithNULNeverMatches() throws {
        #expect(try hasher.verify("abc\u{0}def", against: Self.vectors[1].hash) == .mismatch)
    }

    @Test(arguments: [
        "$2b$12$short",
        "$2b$3$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
        "$2b$32$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
        "$2b$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.$",
        "$2b$06$DCq7YPn5Rq63x1Lad4cll!TV4S6ytwfsfvkgY8jIucDrjc8deX1s.",
    ])
    func aMalformedBcryptStringIsRefused(hash: String) {
        #expect(throws: PHCStringError.invalidHash) { try hasher.verify("", against: hash) }
    }
}
