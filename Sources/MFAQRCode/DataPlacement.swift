extension ModuleMatrix {
    /// Places codeword bits, most significant first, in the standard zigzag: pairs
    /// of columns from the right edge, alternately upwards and downwards, skipping
    /// function modules and the vertical timing column. Modules left over are
    /// remainder bits and stay light.
    mutating func place(_ codewords: [UInt8]) {
        // Column 6 holds the timing pattern, so the pairs left of it shift one column left.
        let rightColumns = stride(from: size - 1, through: 1, by: -2).map { $0 <= 6 ? $0 - 1 : $0 }
        let bitCount = codewords.count * 8
        var bitIndex = 0
        for (pairIndex, rightColumn) in rightColumns.enumerated() {
            let upwards = pairIndex % 2 == 0
            for step in 0..<size {
                let row = upwards ? size - 1 - step : step
                for column in [rightColumn, rightColumn - 1]
                where !isFunction(row: row, column: column) && bitIndex < bitCount {
                    let codeword = codewords[bitIndex / 8]
                    setDataModule(row: row, column: column, dark: (codeword >> (7 - bitIndex % 8)) & 1 == 1)
                    bitIndex += 1
                }
            }
        }
        precondition(bitIndex == bitCount, "the symbol has room for \(bitIndex) of \(bitCount) codeword bits")
    }
}
