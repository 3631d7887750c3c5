@testable import MFAQRCode
import Testing

@Suite struct FormatInformationTests {
    /// The level M rows of the standard's format information table (annex C), for masks 000 to 111.
    static let publishedMediumFormatBits = [
        0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
        0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000,
    ]

    @Test(arguments: MaskPattern.allCases)
    func mediumFormatBitsMatchThePublishedTable(mask: MaskPattern) {
        #expect(FormatInformation.formatBits(correction: .medium, mask: mask) == Self.publishedMediumFormatBits[mask.rawValue])
    }

    @Test func otherLevelsUseTheirOwnIndicatorBits() {
        #expect(FormatInformation.formatBits(correction: .low, mask: .pattern100) == 0b110011000101111)
        #expect(FormatInformation.formatBits(correction: .quartile, mask: .pattern000) == 0b011010101011111)
        #expect(FormatInformation.formatBits(correction: .high, mask: .pattern111) == 0b000100000111011)
    }

    /// Both copies, read most significant bit first from the positions in figure 25 of the standard.
    @Test(arguments: MaskPattern.allCases)
    func bothCopiesOfTheFormatBitsAreInPlace(mask: MaskPattern) throws {
        let code = try QRCode(data: Array(Payloads.typicalURI.utf8), correction: .medium, mask: mask)
        let last = code.size - 1
        let nearTopLeft = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
                           (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        let split = (0..<7).map { (last - $0, 8) } + (0..<8).map { (8, last - 7 + $0) }
        let expected = Self.publishedMediumFormatBits[mask.rawValue]
        #expect(Self.read(code, at: nearTopLeft) == expected)
        #expect(Self.read(code, at: split) == expected)
    }

    /// Version 7 and 40 rows of the standard's version information table (annex D).
    @Test func versionBitsMatchThePublishedTable() {
        #expect(FormatInformation.versionBits(SymbolVersion(number: 7)) == 0b000111110010010100)
        #expect(FormatInformation.versionBits(SymbolVersion(number: 21)) == 0b010101011010000011)
        #expect(FormatInformation.versionBits(SymbolVersion(number: 40)) == 0b101000110001101001)
    }

    /// The top-right block holds bit 0 at its top left, filling rows of three; the bottom-left block is its transpose.
    @Test(arguments: [7, 21, 40])
    func bothCopiesOfTheVersionBitsAreInPlace(versionNumber: Int) throws {
        let version = SymbolVersion(number: versionNumber)
        let code = try QRCode(encoding: Payloads.binary(count: version.byteCapacity(.medium)))
        let topRight = (0..<18).reversed().map { ($0 / 3, code.size - 11 + $0 % 3) }
        let bottomLeft = topRight.map { ($1, $0) }
        #expect(Self.read(code, at: topRight) == FormatInformation.versionBits(version))
        #expect(Self.read(code, at: bottomLeft) == FormatInformation.versionBits(version))
    }

    @Test func versionsBelowSevenHaveNoVersionBlocks() throws {
        let version = SymbolVersion(number: 6)
        var matrix = ModuleMatrix(size: version.size)
        matrix.drawFunctionPatterns(for: version)
        #expect(!matrix.isFunction(row: 0, column: version.size - 11))
        #expect(!matrix.isFunction(row: version.size - 11, column: 0))
    }

    private static func read(_ code: QRCode, at positions: [(Int, Int)]) -> Int {
        positions.reduce(0) { bits, position in bits << 1 | (code.isDark(row: position.0, column: position.1) ? 1 : 0) }
    }
}
