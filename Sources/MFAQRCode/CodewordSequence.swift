/// The codewords of a symbol: the byte-mode data stream, padded to the version's
/// data capacity, split into blocks, each followed by its Reed–Solomon codewords.
struct CodewordSequence {
    /// The data codewords of each block, in block order.
    let dataBlocks: [[UInt8]]

    /// The error-correction codewords of each block, in block order.
    let errorCorrectionBlocks: [[UInt8]]

    /// Encodes `data` for `version` at `correction`.
    /// - Precondition: The data fits, as ``SymbolVersion/smallest(holding:correction:)`` ensures.
    init(data: [UInt8], version: SymbolVersion, correction: QRCode.ErrorCorrection) {
        let dataCodewords = Self.paddedDataStream(data, version: version, correction: correction)
        let blocks = BlockStructure(version: version, correction: correction)
        // Blocks differ by at most one data codeword; the longer ones come last.
        let shortDataCount = version.codewordCount / blocks.count - blocks.errorCorrectionCodewordsPerBlock
        let longBlockCount = version.codewordCount % blocks.count
        var start = 0
        dataBlocks = (0..<blocks.count).map { index in
            let length = shortDataCount + (index >= blocks.count - longBlockCount ? 1 : 0)
            defer { start += length }
            return Array(dataCodewords[start..<start + length])
        }
        let encoder = ReedSolomonEncoder(errorCorrectionCount: blocks.errorCorrectionCodewordsPerBlock)
        errorCorrectionBlocks = dataBlocks.map(encoder.errorCorrection(for:))
    }

    /// The order in which codewords are placed: the first codeword of every block,
    /// then the second, and so on, data before error correction, so that local
    /// damage spreads over many blocks.
    var interleaved: [UInt8] {
        Self.interleave(dataBlocks) + Self.interleave(errorCorrectionBlocks)
    }

    private static func interleave(_ blocks: [[UInt8]]) -> [UInt8] {
        let longest = blocks.map(\.count).max() ?? 0
        return (0..<longest).flatMap { position in
            blocks.compactMap { position < $0.count ? $0[position] : nil }
        }
    }

    /// The byte-mode segment followed by the terminator and the alternating pad codewords.
    private static func paddedDataStream(_ data: [UInt8], version: SymbolVersion, correction: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = version.dataCodewordCount(correction)
        var stream = BitBuffer()
        stream.append(0b0100, width: 4)  // byte mode indicator
        stream.append(data.count, width: version.characterCountWidth)
        for byte in data { stream.append(Int(byte), width: 8) }
        stream.append(0, width: min(4, capacity * 8 - stream.count))
        stream.append(0, width: (8 - stream.count % 8) % 8)
        let padding: [UInt8] = [0xEC, 0x11]
        let codewords = stream.bytes
        return codewords + (0..<capacity - codewords.count).map { padding[$0 % 2] }
    }
}
