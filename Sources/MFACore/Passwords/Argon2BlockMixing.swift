/// Argon2's compression function G (RFC 9106 §3.5) on 1 KiB blocks of 128 words.
///
/// Everything here works on raw pointers into the memory matrix and is inlined
/// into the fill loop: this is where Argon2 spends nearly all of its time.
///
/// The permutation P runs on pairs of 64-bit words (`SIMD2<UInt64>`, one SSE2 or
/// NEON register each), like libargon2's SSE implementation: a block is 64 pairs,
/// a row of P is 8 consecutive pairs and a column of P is every 8th pair, so both
/// halves of G load and store whole pairs without gathering single words.
enum Argon2BlockMixing {
    typealias Pair = SIMD2<UInt64>

    /// Words in one 1 KiB block.
    static let wordsPerBlock = 128

    /// Computes `next = G(previous, reference)`, or `next ^= G(previous, reference)`
    /// when `xorIntoNext` (every pass after the first, as version 0x13 requires).
    ///
    /// `scratch` and `saved` are two blocks of working space that alias nothing else;
    /// `reference` may be `next`. Every pointer must be aligned to 16 bytes.
    @inline(__always)
    static func mix(
        previous: UnsafePointer<UInt64>,
        reference: UnsafePointer<UInt64>,
        into next: UnsafeMutablePointer<UInt64>,
        xorIntoNext: Bool,
        scratch: UnsafeMutablePointer<UInt64>,
        saved: UnsafeMutablePointer<UInt64>
    ) {
        let previous = UnsafeRawPointer(previous)
        let reference = UnsafeRawPointer(reference)
        let next = UnsafeMutableRawPointer(next)
        let scratch = UnsafeMutableRawPointer(scratch)
        let saved = UnsafeMutableRawPointer(saved)
        let k = shiftCounts()
        let pairSize = MemoryLayout<Pair>.stride

        // P on each row (8 consecutive pairs) of R = X xor Y, into `scratch`; `saved`
        // keeps R (xor the old block) for the final feed-forward. Every read of
        // `reference` and `next` happens here, before `next` is written.
        for row in 0..<8 {
            let rowOffset = row * 8 * pairSize
            @inline(__always) func r(_ index: Int) -> Pair {
                let offset = rowOffset + index * pairSize
                let pair = previous.load(fromByteOffset: offset, as: Pair.self) ^ reference.load(fromByteOffset: offset, as: Pair.self)
                let feedForward = xorIntoNext ? pair ^ next.load(fromByteOffset: offset, as: Pair.self) : pair
                saved.storeBytes(of: feedForward, toByteOffset: offset, as: Pair.self)
                return pair
            }
            var a0 = r(0), a1 = r(1), b0 = r(2), b1 = r(3), c0 = r(4), c1 = r(5), d0 = r(6), d1 = r(7)
            permute(&a0, &a1, &b0, &b1, &c0, &c1, &d0, &d1, k)
            let base = scratch + rowOffset
            base.storeBytes(of: a0, toByteOffset: 0, as: Pair.self)
            base.storeBytes(of: a1, toByteOffset: pairSize, as: Pair.self)
            base.storeBytes(of: b0, toByteOffset: 2 * pairSize, as: Pair.self)
            base.storeBytes(of: b1, toByteOffset: 3 * pairSize, as: Pair.self)
            base.storeBytes(of: c0, toByteOffset: 4 * pairSize, as: Pair.self)
            base.storeBytes(of: c1, toByteOffset: 5 * pairSize, as: Pair.self)
            base.storeBytes(of: d0, toByteOffset: 6 * pairSize, as: Pair.self)
            base.storeBytes(of: d1, toByteOffset: 7 * pairSize, as: Pair.self)
        }
        // P on each column (every 8th pair), xor `saved` straight into `next`.
        for column in 0..<8 {
            let columnOffset = column * pairSize
            @inline(__always) func c(_ index: Int) -> Pair {
                scratch.load(fromByteOffset: columnOffset + index * 8 * pairSize, as: Pair.self)
            }
            @inline(__always) func store(_ pair: Pair, _ index: Int) {
                let offset = columnOffset + index * 8 * pairSize
                next.storeBytes(of: pair ^ saved.load(fromByteOffset: offset, as: Pair.self), toByteOffset: offset, as: Pair.self)
            }
            var a0 = c(0), a1 = c(1), b0 = c(2), b1 = c(3), c0 = c(4), c1 = c(5), d0 = c(6), d1 = c(7)
            permute(&a0, &a1, &b0, &b1, &c0, &c1, &d0, &d1, k)
            store(a0, 0); store(a1, 1); store(b0, 2); store(b1, 3)
            store(c0, 4); store(c1, 5); store(d0, 6); store(d1, 7)
        }
    }

    /// The permutation P on 16 words v0…v15 (RFC 9106 §3.6) held in order in 8 pairs.
    ///
    /// Inside, the pairs are regrouped as (v0, v2), (v1, v3), (v4, v6), … so that the
    /// diagonal step needs only to swap the two words of some pairs, never to mix
    /// words of two pairs: shuffles across registers happen once on the way in and
    /// once on the way out.
    @inline(__always)
    private static func permute(
        _ m0: inout Pair, _ m1: inout Pair, _ m2: inout Pair, _ m3: inout Pair,
        _ m4: inout Pair, _ m5: inout Pair, _ m6: inout Pair, _ m7: inout Pair,
        _ k: ShiftCounts
    ) {
        var a02 = Pair(m0[0], m1[0]), a13 = Pair(m0[1], m1[1])
        var b46 = Pair(m2[0], m3[0]), b57 = Pair(m2[1], m3[1])
        var c8 = Pair(m4[0], m5[0]), c9 = Pair(m4[1], m5[1])      // (v8, v10), (v9, v11)
        var d12 = Pair(m6[0], m7[0]), d13 = Pair(m6[1], m7[1])    // (v12, v14), (v13, v15)

        // Columns: G(v0, v4, v8, v12) with G(v2, v6, v10, v14), G(v1, v5, v9, v13) with G(v3, v7, v11, v15).
        quarterRounds(&a02, &b46, &c8, &d12, k)
        quarterRounds(&a13, &b57, &c9, &d13, k)

        // Diagonals: G(v0, v5, v10, v15) with G(v2, v7, v8, v13),
        // G(v1, v6, v11, v12) with G(v3, v4, v9, v14).
        var c10 = swapped(c8), d15 = swapped(d13), b64 = swapped(b46), c11 = swapped(c9)
        quarterRounds(&a02, &b57, &c10, &d15, k)
        quarterRounds(&a13, &b64, &c11, &d12, k)
        c8 = swapped(c10); d13 = swapped(d15); b46 = swapped(b64); c9 = swapped(c11)

        m0 = Pair(a02[0], a13[0]); m1 = Pair(a02[1], a13[1])
        m2 = Pair(b46[0], b57[0]); m3 = Pair(b46[1], b57[1])
        m4 = Pair(c8[0], c9[0]); m5 = Pair(c8[1], c9[1])
        m6 = Pair(d12[0], d13[0]); m7 = Pair(d12[1], d13[1])
    }

    @inline(__always)
    private static func swapped(_ x: Pair) -> Pair {
        Pair(x[1], x[0])
    }

    /// BLAKE2b's G on two columns at once, each addition replaced by BlaMka's
    /// `a + b + 2 * lo(a) * lo(b)`.
    @inline(__always)
    private static func quarterRounds(_ a: inout Pair, _ b: inout Pair, _ c: inout Pair, _ d: inout Pair, _ k: ShiftCounts) {
        a = blaMka(a, b)
        d = rotateRight32(d ^ a)
        c = blaMka(c, d)
        b = rotateRight(b ^ c, k.right24, k.left40)
        a = blaMka(a, b)
        d = rotateRight(d ^ a, k.right16, k.left48)
        c = blaMka(c, d)
        b = rotateRight63(b ^ c)
    }

    @inline(__always)
    private static func blaMka(_ x: Pair, _ y: Pair) -> Pair {
        let lowBits = Pair(repeating: 0xFFFF_FFFF)
        let product = (x & lowBits) &* (y & lowBits)
        return x &+ y &+ product &+ product
    }

    /// Shift counts for the rotations by 24 and 16, hidden from the optimiser.
    ///
    /// Before AVX-512 x86 has no vector rotate, and when LLVM recognises
    /// `(x >> 24) | (x << 40)` as one it either moves every word to a general register
    /// and back or, since 24 is a multiple of 8, turns it into a byte shuffle that SSE2
    /// lacks. With counts it cannot see, each rotation stays two shifts and an OR.
    struct ShiftCounts {
        let right24: UInt64, left40: UInt64, right16: UInt64, left48: UInt64
    }

    @inline(never) @_optimize(none)
    static func shiftCounts() -> ShiftCounts {
        ShiftCounts(right24: 24, left40: 40, right16: 16, left48: 48)
    }

    /// Rotating by 32 swaps the halves of each word: one shuffle.
    @inline(__always)
    private static func rotateRight32(_ x: Pair) -> Pair {
        let v = unsafeBitCast(x, to: SIMD4<UInt32>.self)
        return unsafeBitCast(SIMD4<UInt32>(v[1], v[0], v[3], v[2]), to: Pair.self)
    }

    @inline(__always)
    private static func rotateRight(_ x: Pair, _ right: UInt64, _ left: UInt64) -> Pair {
        (x &>> Pair(repeating: right)) | (x &<< Pair(repeating: left))
    }

    @inline(__always)
    private static func rotateRight63(_ x: Pair) -> Pair {
        (x &>> 63) ^ (x &+ x)
    }
}
