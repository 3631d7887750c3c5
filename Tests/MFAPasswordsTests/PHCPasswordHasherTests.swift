import MFAPasswords
import Testing
import MFACoreTesting

@Suite struct PHCPasswordHasherTests {
    /// Small enough for debug builds; the full-size scheme has its own test.
    static let smallArgon2id = PasswordHashingScheme.argon2id(try! Argon2id(memoryKiB: 64, iterations: 2, parallelism: 1))
    static let smallScrypt = PasswordHashingScheme.scrypt(try! Scrypt(logRounds: 10, blockSize: 8, parallelism: 1))

    @Test func defaultsToOWASPArgon2idAndVerifiesItsOwnHash() throws {
        let hasher = PHCPasswordHasher()
        let stored = try hasher.hash("correct horse battery staple")
        #expect(stored.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        let phc = try PHCString(parsing: stored)
        #expect(phc.salt.count == 16)
        #expect(phc.hash.count == 32)
        #expect(try hasher.verify("correct horse battery staple", against: stored) == .match)
    }

    @Test func matchesTheArgon2ToolForAKnownSalt() throws {
        // echo -n password | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -e
        let stored = try PHCPasswordHasher().hash("password", salt: Array("somesaltsomesalt".utf8))
        #expect(stored == "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")
    }

    @Test func drawsItsSaltFromTheRandomSource() throws {
        let hasher = PHCPasswordHasher(scheme: Self.smallArgon2id, randomSource: SeededRandomSource(seed: 42))
        let expected = try hasher.hash("pässwörd", salt: SeededRandomSource(seed: 42).bytes(count: 16))
        #expect(try hasher.hash("pässwörd") == expected)
        #expect(try hasher.hash("pässwörd") != expected)
    }

    @Test(arguments: [smallArgon2id, smallScrypt])
    func tellsMatchesFromMismatches(scheme: PasswordHashingScheme) throws {
        let hasher = PHCPasswordHasher(scheme: scheme)
        let stored = try hasher.hash("Tr0ub4dour&3")
        #expect(try hasher.verify("Tr0ub4dour&3", against: stored) == .match)
        #expect(try hasher.verify("Tr0ub4dour&4", against: stored) == .mismatch)
        #expect(try hasher.verify("", against: stored) == .mismatch)
        #expect(try hasher.verify("Tr0ub4dour&3", against: try hasher.hash("")) == .mismatch)
        #expect(try hasher.verify("", against: try hasher.hash("")) == .match)
    }

    @Test func producesScryptStringsInPasslibFormat() throws {
        let stored = try PHCPasswordHasher(scheme: Self.smallScrypt).hash("correct horse battery staple", salt: Array(0..<16))
        // Python: hashlib.scrypt(password, salt=bytes(range(16)), n=2**10, r=8, p=1, dklen=32), base64 unpadded.
        #expect(stored == "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU")
    }

    @Test func verifiesScryptStringsWhileConfiguredForArgon2id() throws {
        let scryptHash = "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU"
        let hasher = PHCPasswordHasher(scheme: Self.smallArgon2id)
        #expect(try hasher.verify("correct horse battery staple", against: scryptHash) == .matchNeedsRehash)
        #expect(try hasher.verify("correct horse battery stapler", against: scryptHash) == .mismatch)
    }

    @Test func asksForARehashWhenTheStoredHashIsWeakerOrForeign() throws {
        let configured = PHCPasswordHasher(scheme: .argon2id(try Argon2id(memoryKiB: 64, iterations: 2, parallelism: 1)))
        let fewerPasses = try PHCPasswordHasher(scheme: .argon2id(try Argon2id(memoryKiB: 64, iterations: 1, parallelism: 1))).hash("pw")
        let lessMemory = try PHCPasswordHasher(scheme: .argon2id(try Argon2id(memoryKiB: 32, iterations: 2, parallelism: 1))).hash("pw")
        let stronger = try PHCPasswordHasher(scheme: .argon2id(try Argon2id(memoryKiB: 128, iterations: 3, parallelism: 2))).hash("pw")
        let scrypt = try PHCPasswordHasher(scheme: Self.smallScrypt).hash("pw")
        #expect(try configured.verify("pw", against: fewerPasses) == .matchNeedsRehash)
        #expect(try configured.verify("pw", against: lessMemory) == .matchNeedsRehash)
        #expect(try configured.verify("pw", against: stronger) == .match)
        #expect(try configured.verify("pw", against: scrypt) == .matchNeedsRehash)
        #expect(try PHCPasswordHasher(scheme: Self.smallScrypt).verify("pw", against: stronger) == .matchNeedsRehash)
    }

    @Test func asksForARehashWhenSaltOrHashIsShort() throws {
        let scheme = Self.smallArgon2id
        guard case .argon2id(let argon2id) = scheme else { return }
        let salt = Array("8bytesal".utf8)
        let shortSalt = PHCString(
            algorithm: "argon2id", version: 19, parameters: [.init(name: "m", value: "64"), .init(name: "t", value: "2"), .init(name: "p", value: "1")],
            salt: salt, hash: try argon2id.deriveKey(from: Array("pw".utf8), salt: salt)
        )
        var shortHash = shortSalt
        shortHash.salt = Array("sixteen byte salt".utf8.prefix(16))
        shortHash.hash = try argon2id.deriveKey(from: Array("pw".utf8), salt: shortHash.salt, outputByteCount: 16)
        let hasher = PHCPasswordHasher(scheme: scheme)
        #expect(try hasher.verify("pw", against: shortSalt.encoded) == .matchNeedsRehash)
        #expect(try hasher.verify("pw", against: shortHash.encoded) == .matchNeedsRehash)
    }

    @Test func refusesUnverifiableStoredHashesWithClearErrors() {
        let hasher = PHCPasswordHasher(scheme: Self.smallArgon2id)
        let salt = "AAAAAAAAAAAAAAAAAAAAAA", hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        #expect(throws: PasswordHashingError.unsupportedAlgorithm) { try hasher.verify("pw", against: "$argon2i$v=19$m=64,t=2,p=1$\(salt)$\(hash)") }
        #expect(throws: PasswordHashingError.unsupportedVersion) { try hasher.verify("pw", against: "$argon2id$v=16$m=64,t=2,p=1$\(salt)$\(hash)") }
        #expect(throws: PasswordHashingError.unsupportedVersion) { try hasher.verify("pw", against: "$argon2id$m=64,t=2,p=1$\(salt)$\(hash)") }
        #expect(throws: PasswordHashingError.missingParameter("t")) { try hasher.verify("pw", against: "$argon2id$v=19$m=64,p=1$\(salt)$\(hash)") }
        #expect(throws: PasswordHashingError.unexpectedParameter) {
            try hasher.verify("pw", against: "$argon2id$v=19$m=64,t=2,p=1,keyid=abc$\(salt)$\(hash)")
        }
        #expect(throws: PasswordHashingError.unexpectedParameter) { try hasher.verify("pw", against: "$scrypt$v=1$ln=10,r=8,p=1$\(salt)$\(hash)") }
        #expect(throws: PHCStringError.invalidHash) { try hasher.verify("pw", against: "$argon2id$v=19$m=64,t=2,p=1$\(salt)$not-base64!") }
        #expect(throws: PHCStringError.missingSalt) { try hasher.verify("pw", against: "$argon2id$v=19$m=64,t=2,p=1") }
    }

    @Test func scryptMatchesRFC7914() throws {
        let key = try Scrypt(logRounds: 10, blockSize: 8, parallelism: 16)
            .deriveKey(from: Array("password".utf8), salt: Array("NaCl".utf8), outputByteCount: 64)
        #expect(hexString(key) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }
}
