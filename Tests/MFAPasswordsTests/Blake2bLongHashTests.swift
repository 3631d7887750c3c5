@testable import MFAPasswords
import Testing

/// Argon2's H' (RFC 9106 §3.3). Expected values from a direct transcription of
/// the RFC's definition in Python over hashlib.blake2b.
@Suite struct Blake2bLongHashTests {
    @Test(arguments: [
        (4, "9b48e75a"),
        (64, "77440302b671708716bc69475bbdd2a300fb95445ece4cfbae73abdbc73244374e759369728fc092a668ba1aedc7c995a9d2da56bd69f061c7148efcc7b18461"),
        (65, "b89bcbeea8c13311984d51548e56f237528963dac82146aeb9307397bc29e0efd79fa5cf3eaccba83fc670da30e6e3cdf3b9b8f3e0ad69445fcbe1c3b942046f04"),
        (96, "f1a69a9d29ee5b485440e6557cc84be314cab35f88a34282d4a724376f1ef7ffc9565d4be7dc29d27a3b3361a8696913394585a2f7fd29c1256f0db2b0330e6a89ee679e932da699f1e5d55a7231b9f1df57b4bb80d1fc0cb86c85b5999b67f4"),
        (100, "37a5d6cfc1a47440a5418fe2b2e24c435b1b49589b88d77acad449dcaee6b5479d67ca3994642234bbb4648cdbfbc702b2f1fb6fb26e7a806077d8966e6251bb8e27224c5c07d6cbd71673cbb38b218637e843d236359f2dd1f477454d0b51feea5684bd"),
    ])
    func chainsDigestsForLongOutputs(outputByteCount: Int, expected: String) {
        #expect(hexString(Blake2b.longHash(outputByteCount: outputByteCount, of: [Array("Argon2 long hash".utf8)])) == expected)
    }

    @Test func hashesTheConcatenationOfItsParts() {
        let whole = Blake2b.longHash(outputByteCount: 80, of: [Array("Argon2 long hash".utf8)])
        #expect(Blake2b.longHash(outputByteCount: 80, of: [Array("Argon2 ".utf8), [], Array("long hash".utf8)]) == whole)
    }
}
