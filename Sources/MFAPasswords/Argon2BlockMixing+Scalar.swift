#if DEBUG
/// G for debug builds (see `Argon2BlockMixing`): plain `UInt64` words, which
/// `-Onone` compiles to inline arithmetic.
extension Argon2BlockMixing {
    /// Computes `next = G(previous, reference)`, or `next ^= G(previous, reference)`
    /// when `xorIntoNext` (every pass after the first, as version 0x13 requires).
    ///
    /// `scratch` and `saved` are two blocks of working space that alias nothing else;
    /// `reference` may be `next`.
    static func mix(
        previous: UnsafePointer<UInt64>,
        reference: UnsafePointer<UInt64>,
        into next: UnsafeMutablePointer<UInt64>,
        xorIntoNext: Bool,
        scratch: UnsafeMutablePointer<UInt64>,
        saved: UnsafeMutablePointer<UInt64>
    ) {
        // R = X xor Y is permuted in `scratch`; `saved` keeps R (xor the old block)
        // for the final feed-forward.
        if xorIntoNext {
            for index in 0..<wordsPerBlock {
                let word = previous[index] ^ reference[index]
                scratch[index] = word
                saved[index] = word ^ next[index]
            }
        } else {
            for index in 0..<wordsPerBlock {
                let word = previous[index] ^ reference[index]
                scratch[index] = word
                saved[index] = word
            }
        }
        // P on each row of 16 words, then on each column of 2-word pairs.
        for row in 0..<8 {
            permute(scratch + 16 * row, pairStride: 2)
        }
        for column in 0..<8 {
            permute(scratch + 2 * column, pairStride: 16)
        }
        for index in 0..<wordsPerBlock {
            next[index] = scratch[index] ^ saved[index]
        }
    }

    /// The permutation P on the 16 words `base[(k / 2) * pairStride + k % 2]`, k = 0..<16.
    private static func permute(_ base: UnsafeMutablePointer<UInt64>, pairStride s: Int) {
        var v0 = base[0], v1 = base[1]
        var v2 = base[s], v3 = base[s + 1]
        var v4 = base[2 * s], v5 = base[2 * s + 1]
        var v6 = base[3 * s], v7 = base[3 * s + 1]
        var v8 = base[4 * s], v9 = base[4 * s + 1]
        var v10 = base[5 * s], v11 = base[5 * s + 1]
        var v12 = base[6 * s], v13 = base[6 * s + 1]
        var v14 = base[7 * s], v15 = base[7 * s + 1]

        mix(&v0, &v4, &v8, &v12)
        mix(&v1, &v5, &v9, &v13)
        mix(&v2, &v6, &v10, &v14)
        mix(&v3, &v7, &v11, &v15)
        mix(&v0, &v5, &v10, &v15)
        mix(&v1, &v6, &v11, &v12)
        mix(&v2, &v7, &v8, &v13)
        mix(&v3, &v4, &v9, &v14)

        base[0] = v0; base[1] = v1
        base[s] = v2; base[s + 1] = v3
        base[2 * s] = v4; base[2 * s + 1] = v5
        base[3 * s] = v6; base[3 * s + 1] = v7
        base[4 * s] = v8; base[4 * s + 1] = v9
        base[5 * s] = v10; base[5 * s + 1] = v11
        base[6 * s] = v12; base[6 * s + 1] = v13
        base[7 * s] = v14; base[7 * s + 1] = v15
    }

    /// BLAKE2b's G with each addition replaced by BlaMka's `a + b + 2 * lo(a) * lo(b)`.
    private static func mix(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64) {
        a = blaMka(a, b)
        d = rotateRight(d ^ a, by: 32)
        c = blaMka(c, d)
        b = rotateRight(b ^ c, by: 24)
        a = blaMka(a, b)
        d = rotateRight(d ^ a, by: 16)
        c = blaMka(c, d)
        b = rotateRight(b ^ c, by: 63)
    }

    private static func blaMka(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let lowBits: UInt64 = 0xFFFF_FFFF
        return x &+ y &+ 2 &* (x & lowBits) &* (y & lowBits)
    }
}
#endif
