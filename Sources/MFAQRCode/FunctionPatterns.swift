extension ModuleMatrix {
    /// Draws every function pattern of `version`: timing, finder and alignment
    /// patterns, the version information, and the format information reserved blank.
    mutating func drawFunctionPatterns(for version: SymbolVersion) {
        drawTimingPatterns()
        for (row, column) in [(3, 3), (3, size - 4), (size - 4, 3)] {
            drawFinderPattern(centerRow: row, centerColumn: column)
        }
        let centers = version.alignmentCenters
        for row in centers {
            for column in centers where !overlapsFinderPattern(row: row, column: column) {
                drawAlignmentPattern(centerRow: row, centerColumn: column)
            }
        }
        drawFormatInformation(0)
        if version.hasVersionInformation {
            drawVersionInformation(FormatInformation.versionBits(version))
        }
    }

    /// Draws both copies of the 15 format bits, bit 0 first, and the always-dark module beside them.
    mutating func drawFormatInformation(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        // Around the top-left finder: down column 8 (skipping the timing row), then left along row 8.
        for index in 0...5 { setFunctionModule(row: index, column: 8, dark: bit(index)) }
        setFunctionModule(row: 7, column: 8, dark: bit(6))
        setFunctionModule(row: 8, column: 8, dark: bit(7))
        setFunctionModule(row: 8, column: 7, dark: bit(8))
        for index in 9..<15 { setFunctionModule(row: 8, column: 14 - index, dark: bit(index)) }
        // Split between the other two finders: leftwards along row 8, then down column 8.
        for index in 0..<8 { setFunctionModule(row: 8, column: size - 1 - index, dark: bit(index)) }
        for index in 8..<15 { setFunctionModule(row: size - 15 + index, column: 8, dark: bit(index)) }
        setFunctionModule(row: size - 8, column: 8, dark: true)
    }

    /// Draws both 6 × 3 copies of the 18 version bits, beside the top-right and bottom-left finders.
    private mutating func drawVersionInformation(_ bits: Int) {
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let near = index / 3
            let far = size - 11 + index % 3
            setFunctionModule(row: near, column: far, dark: isDark)
            setFunctionModule(row: far, column: near, dark: isDark)
        }
    }

    /// Alternating modules along row 6 and column 6, dark on even indices; the finders later cover their ends.
    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunctionModule(row: 6, column: index, dark: index % 2 == 0)
            setFunctionModule(row: index, column: 6, dark: index % 2 == 0)
        }
    }

    /// A 7 × 7 finder (dark ring, light ring, dark 3 × 3 core) with its light separator, clipped to the symbol.
    private mutating func drawFinderPattern(centerRow: Int, centerColumn: Int) {
        for rowOffset in -4...4 {
            for columnOffset in -4...4 {
                let row = centerRow + rowOffset, column = centerColumn + columnOffset
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = max(abs(rowOffset), abs(columnOffset))
                setFunctionModule(row: row, column: column, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5 × 5 alignment pattern: dark ring, light ring, dark centre.
    private mutating func drawAlignmentPattern(centerRow: Int, centerColumn: Int) {
        for rowOffset in -2...2 {
            for columnOffset in -2...2 {
                let ring = max(abs(rowOffset), abs(columnOffset))
                setFunctionModule(row: centerRow + rowOffset, column: centerColumn + columnOffset, dark: ring != 1)
            }
        }
    }

    /// Whether an alignment position falls on a finder pattern, where the standard omits it.
    private func overlapsFinderPattern(row: Int, column: Int) -> Bool {
        let first = 6, last = size - 7
        return (row == first && column == first) || (row == first && column == last) || (row == last && column == first)
    }
}
