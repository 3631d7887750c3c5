@testable import MFAQRCode
import Testing

/// Checks of the fixed parts of a symbol against the layout in ISO/IEC 18004.
@Suite struct StructureTests {
    @Test(arguments: [1, 2, 6, 7, 14, 27, 40])
    func sizeGrowsByFourModulesPerVersion(versionNumber: Int) throws {
        let code = try QRCode(encoding: Payloads.binary(count: SymbolVersion(number: versionNumber).byteCapacity(.medium)))
        #expect(code.version == versionNumber)
        #expect(code.size == 17 + 4 * versionNumber)
    }

    @Test func finderPatternsAndSeparatorsSitInThreeCorners() throws {
        let code = try QRCode(encoding: Payloads.typicalURI)
        let finder = [
            "#######.",
            "#.....#.",
            "#.###.#.",
            "#.###.#.",
            "#.###.#.",
            "#.....#.",
            "#######.",
            "........",
        ]
        let last = code.size - 1
        for (rowOffset, line) in finder.enumerated() {
            for (columnOffset, module) in line.enumerated() {
                let dark = module == "#"
                #expect(code.isDark(row: rowOffset, column: columnOffset) == dark, "top left")
                #expect(code.isDark(row: rowOffset, column: last - columnOffset) == dark, "top right")
                #expect(code.isDark(row: last - rowOffset, column: columnOffset) == dark, "bottom left")
            }
        }
    }

    @Test func timingPatternsAlternateBetweenTheFinders() throws {
        let code = try QRCode(encoding: Payloads.typicalURI)
        for index in 8..<code.size - 8 {
            #expect(code.isDark(row: 6, column: index) == index.isMultiple(of: 2))
            #expect(code.isDark(row: index, column: 6) == index.isMultiple(of: 2))
        }
    }

    @Test(arguments: [1, 7, 40])
    func theModuleAboveTheBottomLeftFormatBitsIsDark(versionNumber: Int) throws {
        let code = try QRCode(encoding: Payloads.binary(count: SymbolVersion(number: versionNumber).byteCapacity(.medium)))
        #expect(code.isDark(row: code.size - 8, column: 8))
    }

    /// Rows from table E.1 of the standard.
    @Test func alignmentCentersMatchThePublishedTable() {
        let published = [
            1: [], 2: [6, 18], 6: [6, 34], 7: [6, 22, 38], 14: [6, 26, 46, 66], 15: [6, 26, 48, 70],
            22: [6, 26, 50, 74, 98], 32: [6, 34, 60, 86, 112, 138], 36: [6, 24, 50, 76, 102, 128, 154],
            39: [6, 26, 54, 82, 110, 138, 166], 40: [6, 30, 58, 86, 114, 142, 170],
        ]
        for (number, centers) in published {
            #expect(SymbolVersion(number: number).alignmentCenters == centers, "version \(number)")
        }
    }

    @Test func alignmentPatternsAreDrawnWhereTheyDoNotMeetAFinder() throws {
        let code = try QRCode(encoding: Payloads.binary(count: SymbolVersion(number: 7).byteCapacity(.medium)))
        for (row, column) in [(6, 22), (22, 6), (22, 22), (22, 38), (38, 22), (38, 38)] {
            for rowOffset in -2...2 {
                for columnOffset in -2...2 {
                    let ring = max(abs(rowOffset), abs(columnOffset))
                    #expect(code.isDark(row: row + rowOffset, column: column + columnOffset) == (ring != 1), "at (\(row), \(column))")
                }
            }
        }
    }

    /// The codeword count rests on a formula; drawing the function patterns and counting what is left checks it.
    @Test(arguments: SymbolVersion.all)
    func dataModulesAreWhatTheFunctionPatternsLeave(version: SymbolVersion) {
        var matrix = ModuleMatrix(size: version.size)
        matrix.drawFunctionPatterns(for: version)
        let free = (0..<version.size).reduce(0) { count, row in
            count + (0..<version.size).count { !matrix.isFunction(row: row, column: $0) }
        }
        #expect(free == version.dataModuleCount)
    }

    @Test func theBestMaskHasTheLowestPenalty() throws {
        let data = Array(Payloads.typicalURI.utf8)
        let chosen = try QRCode(encoding: data)
        for mask in MaskPattern.allCases {
            let forced = try QRCode(data: data, correction: .medium, mask: mask)
            #expect(chosen.modules.penaltyScore <= forced.modules.penaltyScore, "mask \(mask.rawValue) scores lower")
        }
    }
}
