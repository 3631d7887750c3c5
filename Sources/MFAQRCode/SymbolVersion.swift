/// One of the 40 QR code versions, which fix the symbol's size, its alignment
/// patterns and how many codewords it carries.
struct SymbolVersion: Equatable {
    /// The version number, 1 to 40.
    let number: Int

    /// The versions the standard defines.
    static let all = (1...40).map(SymbolVersion.init(number:))

    /// The version with the greatest capacity.
    static let largest = all[all.count - 1]

    /// Returns the smallest version that holds `byteCount` bytes in byte mode, or
    /// `nil` when none does.
    static func smallest(holding byteCount: Int, correction: QRCode.ErrorCorrection) -> SymbolVersion? {
        all.first { $0.byteCapacity(correction) >= byteCount }
    }

    /// Modules along each side.
    var size: Int { 17 + 4 * number }

    /// Whether the symbol carries version information blocks, as versions 7 and up do.
    var hasVersionInformation: Bool { number >= 7 }

    /// The width of the byte-mode character count field.
    var characterCountWidth: Int { number < 10 ? 8 : 16 }

    /// The rows (and columns) on which alignment pattern centres lie.
    ///
    /// They run from 6 to `size - 7` at an even spacing that the standard rounds
    /// up, except that its table uses a spacing of 26 rather than 28 for version 32.
    var alignmentCenters: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let spacing = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = size - 7
        return [6] + (0..<count - 1).reversed().map { last - $0 * spacing }
    }

    /// The modules left for codewords once every function pattern is drawn.
    var dataModuleCount: Int {
        var count = size * size
        count -= 3 * 64            // finder patterns with their separators
        count -= 2 * 15 + 1        // both copies of the format information and the dark module
        count -= 2 * (size - 16)   // timing patterns between the finders
        let alignmentCount = alignmentCenters.count
        if alignmentCount > 0 {
            count -= (alignmentCount * alignmentCount - 3) * 25  // none where the finders are
            count += 2 * (alignmentCount - 2) * 5                // the parts that overlap a timing pattern
        }
        if hasVersionInformation { count -= 2 * 18 }
        return count
    }

    /// The codewords the symbol carries; leftover modules become remainder bits.
    var codewordCount: Int { dataModuleCount / 8 }

    /// The data codewords at an error-correction level: all codewords minus the error correction.
    func dataCodewordCount(_ correction: QRCode.ErrorCorrection) -> Int {
        let blocks = BlockStructure(version: self, correction: correction)
        return codewordCount - blocks.count * blocks.errorCorrectionCodewordsPerBlock
    }

    /// The most bytes one byte-mode segment holds at an error-correction level.
    func byteCapacity(_ correction: QRCode.ErrorCorrection) -> Int {
        let headerWidth = 4 + characterCountWidth
        return (dataCodewordCount(correction) * 8 - headerWidth) / 8
    }
}
