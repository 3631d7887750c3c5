@testable import MFAPasswords
import Testing

@Suite struct Blake2bTests {
    @Test func rfc7693AppendixAHashesABC() {
        #expect(hexString(Blake2b.hash(Array("abc".utf8), outputByteCount: 64)) ==
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
    }

    @Test func unkeyedEmptyMessage() {
        #expect(hexString(Blake2b.hash([], outputByteCount: 64)) ==
            "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
            + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")
    }

    /// From the official BLAKE2 known-answer file blake2b-kat.txt: message bytes
    /// 0, 1, 2, … and the key 00 01 … 3f. Lengths around the 128-byte block
    /// boundary exercise the rule that the last block is compressed as final.
    @Test(arguments: [
        (0, "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"),
        (1, "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd"),
        (2, "da2cfbe2d8409a0f38026113884f84b50156371ae304c4430173d08a99d9fb1b983164a3770706d537f49e0c916d9f32b95cc37a95b99d857436f0232c88a965"),
        (63, "bd965bf31e87d70327536f2a341cebc4768eca275fa05ef98f7f1b71a0351298de006fba73fe6733ed01d75801b4a928e54231b38e38c562b2e33ea1284992fa"),
        (64, "65676d800617972fbd87e4b9514e1c67402b7a331096d3bfac22f1abb95374abc942f16e9ab0ead33b87c91968a6e509e119ff07787b3ef483e1dcdccf6e3022"),
        (127, "76d2d819c92bce55fa8e092ab1bf9b9eab237a25267986cacf2b8ee14d214d730dc9a5aa2d7b596e86a1fd8fa0804c77402d2fcd45083688b218b1cdfa0dcbcb"),
        (128, "72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4"),
        (129, "64475dfe7600d7171bea0b394e27c9b00d8e74dd1e416a79473682ad3dfdbb706631558055cfc8a40e07bd015a4540dcdea15883cbbf31412df1de1cd4152b91"),
        (255, "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"),
    ])
    func keyedKnownAnswers(messageLength: Int, digest: String) {
        let message = (0..<messageLength).map { UInt8(truncatingIfNeeded: $0) }
        let key = (0..<64).map { UInt8($0) }
        #expect(hexString(Blake2b.hash(message, outputByteCount: 64, key: key)) == digest)
    }

    /// Shorter digests are not truncations: the length is part of the parameter
    /// block. Expected values from Python's hashlib.blake2b(digest_size:key:).
    @Test(arguments: [
        (1, "6b"),
        (20, "384264f676f39536840523f284921cdc68b6846b"),
        (32, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
        (48, "6f56a82c8e7ef526dfe182eb5212f7db9df1317e57815dbda46083fc30f54ee6c66ba83be64b302d7cba6ce15bb556f4"),
    ])
    func variableOutputLength(outputByteCount: Int, digest: String) {
        #expect(hexString(Blake2b.hash(Array("abc".utf8), outputByteCount: outputByteCount)) == digest)
    }

    @Test func keyedShortDigests() {
        let message = (0..<200).map { UInt8($0) }
        #expect(hexString(Blake2b.hash(message, outputByteCount: 32, key: (0..<32).map { UInt8($0) })) ==
            "a39ff6e7e838226fd50e24a55375ff3a39419fd93e32cc463f3f74323291c425")
        #expect(hexString(Blake2b.hash(Array("The quick brown fox jumps over the lazy dog".utf8), outputByteCount: 17, key: Array("k".utf8))) ==
            "c494fcbb0f444ce9c72fc72ca392319156")
    }

    @Test func feedingInPiecesEqualsFeedingAtOnce() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for split in [0, 1, 127, 128, 129, 256, 300] {
            var hasher = Blake2b(outputByteCount: 64)
            hasher.update(Array(message[..<split]))
            hasher.update(Array(message[split...]))
            #expect(hasher.finalize() == Blake2b.hash(message, outputByteCount: 64), "split at \(split)")
        }
    }
}
