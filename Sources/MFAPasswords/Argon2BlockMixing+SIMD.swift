#if !DEBUG
/// G for optimised builds (see `Argon2BlockMixing`).
///
/// The permutation P runs on pairs of 64-bit words (`SIMD2<UInt64>`, one SSE2 or
/// NEON register each), like libargon2's SSE implementation: a block is 64 pairs,
/// a row of P is 8 consecutive pairs and a column of P is every 8th pair, so both
/// halves of G load and store whole pairs without gathering single words.
extension Argon2BlockMixing {
    typealias Pair = SIMD2<UInt64>

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

        // P on each row (8 consecutive pairs) of R = X xor Y, two rows at a time, into
        // `scratch`; `saved` keeps R (xor the old block) for the final feed-forward.
        // Every read of `reference` and `next` happens here, before `next` is written.
        for row in stride(from: 0, to: 8, by: 2) {
            let rowOffset = row * 8 * pairSize
            @inline(__always) func r(_ index: Int) -> Pair {
                let offset = rowOffset + index * pairSize
                let pair = previous.load(fromByteOffset: offset, as: Pair.self) ^ reference.load(fromByteOffset: offset, as: Pair.self)
                let feedForward = xorIntoNext ? pair ^ next.load(fromByteOffset: offset, as: Pair.self) : pair
                saved.storeBytes(of: feedForward, toByteOffset: offset, as: Pair.self)
                return pair
            }
            var x = (r(0), r(1), r(2), r(3), r(4), r(5), r(6), r(7))
            var y = (r(8), r(9), r(10), r(11), r(12), r(13), r(14), r(15))
            permute2(&x, &y, k)
            let base = scratch + rowOffset
            @inline(__always) func w(_ pair: Pair, _ index: Int) {
                base.storeBytes(of: pair, toByteOffset: index * pairSize, as: Pair.self)
            }
            w(x.0, 0); w(x.1, 1); w(x.2, 2); w(x.3, 3); w(x.4, 4); w(x.5, 5); w(x.6, 6); w(x.7, 7)
            w(y.0, 8); w(y.1, 9); w(y.2, 10); w(y.3, 11); w(y.4, 12); w(y.5, 13); w(y.6, 14); w(y.7, 15)
        }
        // P on each column (every 8th pair), two columns at a time, xor `saved` straight into `next`.
        for column in stride(from: 0, to: 8, by: 2) {
            let columnOffset = column * pairSize
            @inline(__always) func c(_ index: Int, _ second: Int) -> Pair {
                scratch.load(fromByteOffset: columnOffset + second * pairSize + index * 8 * pairSize, as: Pair.self)
            }
            @inline(__always) func store(_ pair: Pair, _ index: Int, _ second: Int) {
                let offset = columnOffset + second * pairSize + index * 8 * pairSize
                next.storeBytes(of: pair ^ saved.load(fromByteOffset: offset, as: Pair.self), toByteOffset: offset, as: Pair.self)
            }
            var x = (c(0, 0), c(1, 0), c(2, 0), c(3, 0), c(4, 0), c(5, 0), c(6, 0), c(7, 0))
            var y = (c(0, 1), c(1, 1), c(2, 1), c(3, 1), c(4, 1), c(5, 1), c(6, 1), c(7, 1))
            permute2(&x, &y, k)
            store(x.0, 0, 0); store(x.1, 1, 0); store(x.2, 2, 0); store(x.3, 3, 0)
            store(x.4, 4, 0); store(x.5, 5, 0); store(x.6, 6, 0); store(x.7, 7, 0)
            store(y.0, 0, 1); store(y.1, 1, 1); store(y.2, 2, 1); store(y.3, 3, 1)
            store(y.4, 4, 1); store(y.5, 5, 1); store(y.6, 6, 1); store(y.7, 7, 1)
        }
    }

    /// The 16 words v0…v15 of one application of P (RFC 9106 §3.6), in order, in 8 pairs.
    typealias Octet = (Pair, Pair, Pair, Pair, Pair, Pair, Pair, Pair)

    /// The permutation P on two independent rows (or columns) `x` and `y` at once.
    ///
    /// Inside, the pairs are regrouped as (v0, v2), (v1, v3), (v4, v6), … so that the
    /// diagonal step needs only to swap the two words of some pairs, never to mix
    /// words of two pairs: shuffles across registers happen once on the way in and
    /// once on the way out. (With the pairs in order, LLVM narrowed the shuffled
    /// vectors and did part of the work word by word in general registers.)
    ///
    /// Each quarter round is a chain of some 30 dependent instructions; interleaving
    /// `x` and `y` gives the processor four such chains to overlap instead of two,
    /// about 10 % less CPU time per hash than one row at a time.
    @inline(__always)
    private static func permute2(_ x: inout Octet, _ y: inout Octet, _ k: ShiftCounts) {
        var xa02 = Pair(x.0[0], x.1[0]), xa13 = Pair(x.0[1], x.1[1])
        var xb46 = Pair(x.2[0], x.3[0]), xb57 = Pair(x.2[1], x.3[1])
        var xc8 = Pair(x.4[0], x.5[0]), xc9 = Pair(x.4[1], x.5[1])
        var xd12 = Pair(x.6[0], x.7[0]), xd13 = Pair(x.6[1], x.7[1])
        var ya02 = Pair(y.0[0], y.1[0]), ya13 = Pair(y.0[1], y.1[1])
        var yb46 = Pair(y.2[0], y.3[0]), yb57 = Pair(y.2[1], y.3[1])
        var yc8 = Pair(y.4[0], y.5[0]), yc9 = Pair(y.4[1], y.5[1])
        var yd12 = Pair(y.6[0], y.7[0]), yd13 = Pair(y.6[1], y.7[1])

        // Columns: G(v0, v4, v8, v12) with G(v2, v6, v10, v14), G(v1, v5, v9, v13) with G(v3, v7, v11, v15).
        quarterRounds(&xa02, &xb46, &xc8, &xd12, k)
        quarterRounds(&ya02, &yb46, &yc8, &yd12, k)
        quarterRounds(&xa13, &xb57, &xc9, &xd13, k)
        quarterRounds(&ya13, &yb57, &yc9, &yd13, k)

        // Diagonals: G(v0, v5, v10, v15) with G(v2, v7, v8, v13),
        // G(v1, v6, v11, v12) with G(v3, v4, v9, v14).
        var xc10 = swapped(xc8), xd15 = swapped(xd13), xb64 = swapped(xb46), xc11 = swapped(xc9)
        var yc10 = swapped(yc8), yd15 = swapped(yd13), yb64 = swapped(yb46), yc11 = swapped(yc9)
        quarterRounds(&xa02, &xb57, &xc10, &xd15, k)
        quarterRounds(&ya02, &yb57, &yc10, &yd15, k)
        quarterRounds(&xa13, &xb64, &xc11, &xd12, k)
        quarterRounds(&ya13, &yb64, &yc11, &yd12, k)
        // And back to the order of the columns.
        xc8 = swapped(xc10); xd13 = swapped(xd15); xb46 = swapped(xb64); xc9 = swapped(xc11)
        yc8 = swapped(yc10); yd13 = swapped(yd15); yb46 = swapped(yb64); yc9 = swapped(yc11)

        x = (Pair(xa02[0], xa13[0]), Pair(xa02[1], xa13[1]), Pair(xb46[0], xb57[0]), Pair(xb46[1], xb57[1]),
             Pair(xc8[0], xc9[0]), Pair(xc8[1], xc9[1]), Pair(xd12[0], xd13[0]), Pair(xd12[1], xd13[1]))
        y = (Pair(ya02[0], ya13[0]), Pair(ya02[1], ya13[1]), Pair(yb46[0], yb57[0]), Pair(yb46[1], yb57[1]),
             Pair(yc8[0], yc9[0]), Pair(yc8[1], yc9[1]), Pair(yd12[0], yd13[0]), Pair(yd12[1], yd13[1]))
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
#endif
