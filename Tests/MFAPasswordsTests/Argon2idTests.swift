import MFAPasswords
import Testing

@Suite struct Argon2idTests {
    /// RFC 9106 §5.3: 32 KiB, 3 passes, 4 lanes, with a secret and associated data.
    @Test func rfc9106Argon2idTestVector() throws {
        let argon2id = try Argon2id(memoryKiB: 32, iterations: 3, parallelism: 4)
        let tag = try argon2id.deriveKey(
            from: [UInt8](repeating: 0x01, count: 32),
            salt: [UInt8](repeating: 0x02, count: 16),
            secret: [UInt8](repeating: 0x03, count: 8),
            associatedData: [UInt8](repeating: 0x04, count: 12),
            outputByteCount: 32
        )
        #expect(hexString(tag) == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    }

    @Test func secretAndAssociatedDataChangeTheResult() throws {
        let argon2id = try Argon2id(memoryKiB: 32, iterations: 1, parallelism: 1)
        let password = Array("password".utf8), salt = Array("somesalt".utf8)
        let plain = try argon2id.deriveKey(from: password, salt: salt)
        #expect(try argon2id.deriveKey(from: password, salt: salt, secret: [1]) != plain)
        #expect(try argon2id.deriveKey(from: password, salt: salt, associatedData: [1]) != plain)
        #expect(try argon2id.deriveKey(from: password, salt: salt) == plain)
    }

    @Test(arguments: [4, 32, 64, 65, 100, 1024])
    func outputHasTheRequestedLength(outputByteCount: Int) throws {
        let argon2id = try Argon2id(memoryKiB: 8, iterations: 1, parallelism: 1)
        #expect(try argon2id.deriveKey(from: [], salt: Array("saltsalt".utf8), outputByteCount: outputByteCount).count == outputByteCount)
    }

    @Test func refusesParametersOutsideRFC9106() {
        #expect(throws: PasswordHashingError.invalidParameter("m", requirement: "at least 8 KiB per lane and below 2^32 KiB")) {
            try Argon2id(memoryKiB: 31, iterations: 1, parallelism: 4)
        }
        #expect(throws: PasswordHashingError.self) { try Argon2id(memoryKiB: 64, iterations: 0, parallelism: 1) }
        #expect(throws: PasswordHashingError.self) { try Argon2id(memoryKiB: 64, iterations: 1, parallelism: 0) }
        #expect(throws: PasswordHashingError.self) { try Argon2id(memoryKiB: 1 << 32, iterations: 1, parallelism: 1) }
    }

    @Test func refusesShortSaltsAndOutputs() throws {
        let argon2id = try Argon2id(memoryKiB: 8, iterations: 1, parallelism: 1)
        #expect(throws: PasswordHashingError.invalidParameter("salt", requirement: "at least 8 bytes")) {
            try argon2id.deriveKey(from: [], salt: [UInt8](repeating: 0, count: 7))
        }
        #expect(throws: PasswordHashingError.self) {
            try argon2id.deriveKey(from: [], salt: [UInt8](repeating: 0, count: 8), outputByteCount: 3)
        }
    }
}
