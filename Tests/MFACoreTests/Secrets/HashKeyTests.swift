import Crypto
import Testing
@testable import MFACore

@Suite struct HashKeyTests {
    private static let bytes = (0..<32).map { UInt8($0) }

    /// HMAC-SHA256 under the HKDF-SHA256 subkey of `use`, computed from scratch.
    private static func reference(_ use: String, _ message: [UInt8]) -> [UInt8] {
        let subkey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: bytes), info: Array(use.utf8), outputByteCount: 32
        )
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: subkey))
    }

    /// Stored hashes must keep their values: each is HMAC-SHA256 under its use's subkey.
    @Test func eachHashIsHMACUnderTheSubkeyOfItsUse() throws {
        let key = try HashKey(bytes: Self.bytes)
        #expect(key.limitKey("client:192.0.2.7") == Self.reference("mfa/hash/limit-key/v1", Array("client:192.0.2.7".utf8)).hexString)
        #expect(key.registrationSubject(emailKey: "ada@example.com")
            == Self.reference("mfa/hash/registration/v1", Array("ada@example.com".utf8)).hexString)
        #expect(key.recoveryCode(unkeyedHash: [1, 2, 3], accountID: "a1")
            == Self.reference("mfa/hash/recovery-code/v1", Array("a1:".utf8) + [1, 2, 3]))
        #expect(key.passkeyUserHandle(accountID: "a1") == Self.reference("mfa/hash/passkey-user/v1", Array("a1".utf8)))
    }

    /// One key hashes for every request at once: no use may leave state behind for another.
    @Test func concurrentHashesWithOneKeyAreEachTheirOwn() async throws {
        let key = try HashKey(bytes: Self.bytes)
        let hashes = await withTaskGroup(of: (Int, String).self) { group in
            for index in 0..<400 {
                group.addTask { (index, key.limitKey("client:\(index % 20)")) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (index, hash) in hashes {
            #expect(hash == Self.reference("mfa/hash/limit-key/v1", Array("client:\(index % 20)".utf8)).hexString)
        }
        #expect(hashes.count == 400)
    }
}
