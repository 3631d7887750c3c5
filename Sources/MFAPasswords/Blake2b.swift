/// BLAKE2b (RFC 7693), the hash inside Argon2, with keying and any output length
/// from 1 to 64 bytes.
///
/// Feed it with ``update(_:)`` any number of times, then call ``finalize()`` once.
struct Blake2b {
    /// The largest digest, key and block sizes BLAKE2b defines, in bytes.
    static let maximumOutputByteCount = 64
    static let maximumKeyByteCount = 64
    static let blockByteCount = 128

    private var state: [UInt64]
    private var buffer: [UInt8]
    private var messageWords = [UInt64](repeating: 0, count: 16)
    private var bufferedByteCount = 0
    private var processedByteCount: (low: UInt64, high: UInt64) = (0, 0)
    private let outputByteCount: Int

    /// Starts a hash of `outputByteCount` bytes (1...64), keyed when `key` (0...64 bytes) is not empty.
    init(outputByteCount: Int, key: [UInt8] = []) {
        precondition((1...Self.maximumOutputByteCount).contains(outputByteCount), "BLAKE2b output must be 1...64 bytes")
        precondition(key.count <= Self.maximumKeyByteCount, "BLAKE2b key must be at most 64 bytes")
        self.outputByteCount = outputByteCount
        state = Self.initializationVector
        state[0] ^= 0x0101_0000 ^ (UInt64(key.count) << 8) ^ UInt64(outputByteCount)
        buffer = [UInt8](repeating: 0, count: Self.blockByteCount)
        if !key.isEmpty {
            // The key is hashed as a whole first block, padded with zeros.
            update(key)
            bufferedByteCount = Self.blockByteCount
        }
    }

    /// Hashes `bytes` in one call.
    static func hash(_ bytes: [UInt8], outputByteCount: Int, key: [UInt8] = []) -> [UInt8] {
        var hasher = Blake2b(outputByteCount: outputByteCount, key: key)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Appends `bytes` to the message.
    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Appends `value` as four little-endian bytes, the way Argon2 encodes lengths and parameters.
    mutating func update(littleEndian value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { update($0) }
    }

    /// Appends the bytes in `bytes` to the message.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            // The last block must be compressed with the final flag, so a full
            // buffer waits until more input proves it is not the last.
            if bufferedByteCount == Self.blockByteCount {
                count(Self.blockByteCount)
                compressBuffer(isFinal: false)
                bufferedByteCount = 0
            }
            let taken = min(remaining.count, Self.blockByteCount - bufferedByteCount)
            buffer.withUnsafeMutableBytes { destination in
                destination.baseAddress!.advanced(by: bufferedByteCount)
                    .copyMemory(from: UnsafeRawPointer(bytes.baseAddress!).advanced(by: remaining.startIndex), byteCount: taken)
            }
            bufferedByteCount += taken
            remaining = remaining.dropFirst(taken)
        }
    }

    /// Returns the digest and wipes the internal state.
    mutating func finalize() -> [UInt8] {
        count(bufferedByteCount)
        for index in bufferedByteCount..<Self.blockByteCount {
            buffer[index] = 0
        }
        compressBuffer(isFinal: true)
        var digest = [UInt8](repeating: 0, count: outputByteCount)
        for index in 0..<outputByteCount {
            digest[index] = UInt8(truncatingIfNeeded: state[index / 8] >> (8 * UInt64(index % 8)))
        }
        for index in state.indices { state[index] = 0 }
        for index in buffer.indices { buffer[index] = 0 }
        for index in messageWords.indices { messageWords[index] = 0 }
        return digest
    }

    private mutating func count(_ byteCount: Int) {
        let (low, overflow) = processedByteCount.low.addingReportingOverflow(UInt64(byteCount))
        processedByteCount = (low, processedByteCount.high &+ (overflow ? 1 : 0))
    }

    private mutating func compressBuffer(isFinal: Bool) {
        let counter = processedByteCount
        buffer.withUnsafeBytes { block in
            state.withUnsafeMutableBufferPointer { state in
                messageWords.withUnsafeMutableBufferPointer { message in
                    Self.compress(state: state.baseAddress!, block: block, message: message.baseAddress!, counter: counter, isFinal: isFinal)
                }
            }
        }
    }

    private static let initializationVector: [UInt64] = [
        0x6A09_E667_F3BC_C908, 0xBB67_AE85_84CA_A73B, 0x3C6E_F372_FE94_F82B, 0xA54F_F53A_5F1D_36F1,
        0x510E_527F_ADE6_82D1, 0x9B05_688C_2B3E_6C1F, 0x1F83_D9AB_FB41_BD6B, 0x5BE0_CD19_137E_2179,
    ]

    /// The message word schedule: row `r` orders the 16 message words for round `r mod 10`.
    private static let sigma: [Int] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ]

    /// The compression function F of RFC 7693 §3.2; `message` is room for the 16 words of `block`.
    private static func compress(
        state h: UnsafeMutablePointer<UInt64>,
        block: UnsafeRawBufferPointer,
        message: UnsafeMutablePointer<UInt64>,
        counter: (low: UInt64, high: UInt64),
        isFinal: Bool
    ) {
        for index in 0..<16 {
            message[index] = UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
        }
        let iv = initializationVector
        var v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7]
        var v8 = iv[0], v9 = iv[1], v10 = iv[2], v11 = iv[3]
        var v12 = iv[4] ^ counter.low, v13 = iv[5] ^ counter.high
        var v14 = isFinal ? ~iv[6] : iv[6], v15 = iv[7]
        sigma.withUnsafeBufferPointer { sigma in
            for round in 0..<12 {
                let s = sigma.baseAddress! + 16 * (round % 10)
                mix(&v0, &v4, &v8, &v12, message[s[0]], message[s[1]])
                mix(&v1, &v5, &v9, &v13, message[s[2]], message[s[3]])
                mix(&v2, &v6, &v10, &v14, message[s[4]], message[s[5]])
                mix(&v3, &v7, &v11, &v15, message[s[6]], message[s[7]])
                mix(&v0, &v5, &v10, &v15, message[s[8]], message[s[9]])
                mix(&v1, &v6, &v11, &v12, message[s[10]], message[s[11]])
                mix(&v2, &v7, &v8, &v13, message[s[12]], message[s[13]])
                mix(&v3, &v4, &v9, &v14, message[s[14]], message[s[15]])
            }
        }
        h[0] ^= v0 ^ v8
        h[1] ^= v1 ^ v9
        h[2] ^= v2 ^ v10
        h[3] ^= v3 ^ v11
        h[4] ^= v4 ^ v12
        h[5] ^= v5 ^ v13
        h[6] ^= v6 ^ v14
        h[7] ^= v7 ^ v15
    }

    /// The mixing function G of RFC 7693 §3.1.
    @inline(__always)
    private static func mix(
        _ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64
    ) {
        a = a &+ b &+ x
        d = rotateRight(d ^ a, by: 32)
        c = c &+ d
        b = rotateRight(b ^ c, by: 24)
        a = a &+ b &+ y
        d = rotateRight(d ^ a, by: 16)
        c = c &+ d
        b = rotateRight(b ^ c, by: 63)
    }
}

/// Rotates `value` right by `count` bits (0 < count < 64); shared by BLAKE2b and Argon2's BlaMka.
@inline(__always)
func rotateRight(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value &>> count) | (value &<< (64 &- count))
}
