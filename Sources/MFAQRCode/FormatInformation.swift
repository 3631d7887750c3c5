/// The BCH-protected fields a reader decodes first: the format information (error
/// correction level and mask) and, from version 7, the version information.
enum FormatInformation {
    /// The 15 format bits: the level's 2 bits and the mask's 3, a BCH(15, 5)
    /// remainder, and an XOR with 101010000010010 so the result is never all light.
    static func formatBits(correction: QRCode.ErrorCorrection, mask: MaskPattern) -> Int {
        let data = correction.formatBits << 3 | mask.rawValue
        return appendingRemainder(to: data, generator: 0b101_0011_0111, degree: 10) ^ 0b101_0100_0001_0010
    }

    /// The 18 version bits: the 6-bit version number and its BCH(18, 6) remainder.
    static func versionBits(_ version: SymbolVersion) -> Int {
        appendingRemainder(to: version.number, generator: 0b1_1111_0010_0101, degree: 12)
    }

    /// Returns `data` followed by the remainder of `data · x^degree` divided by the generator polynomial.
    private static func appendingRemainder(to data: Int, generator: Int, degree: Int) -> Int {
        func length(_ value: Int) -> Int { Int.bitWidth - value.leadingZeroBitCount }
        var remainder = data << degree
        while length(remainder) > degree {
            remainder ^= generator << (length(remainder) - length(generator))
        }
        return data << degree | remainder
    }
}
