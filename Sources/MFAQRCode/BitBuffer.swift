/// A growing sequence of bits, most significant bit of each value first, as the
/// QR data stream is written.
struct BitBuffer {
    private(set) var bits: [Bool] = []

    /// The number of bits written so far.
    var count: Int { bits.count }

    /// Appends the lowest `width` bits of `value`, most significant first.
    mutating func append(_ value: Int, width: Int) {
        precondition(width >= 0 && value >> width == 0, "\(value) does not fit in \(width) bits")
        for shift in stride(from: width - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// The bits packed into bytes, most significant bit first.
    /// - Precondition: The count is a multiple of 8.
    var bytes: [UInt8] {
        precondition(count % 8 == 0, "\(count) bits do not fill whole bytes")
        return stride(from: 0, to: count, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { byte, bit in byte << 1 | (bit ? 1 : 0) }
        }
    }
}
