extension Blake2b {
    /// Argon2's variable-length hash H' (RFC 9106 §3.3): BLAKE2b stretched to any
    /// output length by chaining 64-byte digests, of which it keeps 32 bytes each.
    ///
    /// `input` is hashed as the concatenation of its parts, without copying them together.
    static func longHash(outputByteCount: Int, of input: [[UInt8]]) -> [UInt8] {
        precondition(outputByteCount > 0 && outputByteCount <= UInt32.max, "H' output must be 1...2^32-1 bytes")
        var first = Blake2b(outputByteCount: min(outputByteCount, maximumOutputByteCount))
        first.update(littleEndian: UInt32(outputByteCount))
        for part in input {
            first.update(part)
        }
        var digest = first.finalize()
        if outputByteCount <= maximumOutputByteCount {
            return digest
        }

        let halfDigest = maximumOutputByteCount / 2
        var output = [UInt8]()
        output.reserveCapacity(outputByteCount)
        while outputByteCount - output.count > maximumOutputByteCount {
            output.append(contentsOf: digest[..<halfDigest])
            // The last digest is exactly as long as what is still missing (33...64 bytes).
            digest = hash(digest, outputByteCount: min(outputByteCount - output.count, maximumOutputByteCount))
        }
        output.append(contentsOf: digest)
        return output
    }
}
