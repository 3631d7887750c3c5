extension ModuleMatrix {
    /// The standard's penalty for features that make a symbol hard to read; the
    /// mask giving the lowest score is used.
    var penaltyScore: Int {
        let rows = (0..<size).map { row in (0..<size).map { self[row, $0] } }
        let columns = (0..<size).map { column in (0..<size).map { self[$0, column] } }
        let lineScore = (rows + columns).reduce(0) { score, line in
            score + PenaltyRules.sameColorRuns(in: line) + PenaltyRules.finderLikePatterns(in: line)
        }
        return lineScore + PenaltyRules.sameColorBlocks(in: rows) + PenaltyRules.imbalance(in: rows)
    }
}

/// The four penalty rules of ISO/IEC 18004 section 7.8.3.
enum PenaltyRules {
    /// Rule 1: each run of five or more modules of one color scores 3, plus 1 for every module beyond five.
    static func sameColorRuns(in line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for (index, isDark) in line.enumerated() {
            runLength = index > 0 && line[index - 1] == isDark ? runLength + 1 : 1
            if runLength == 5 { score += 3 } else if runLength > 5 { score += 1 }
        }
        return score
    }

    /// Rule 2: each 2 × 2 block of one color scores 3; overlapping blocks all count.
    static func sameColorBlocks(in rows: [[Bool]]) -> Int {
        var score = 0
        for row in rows.indices.dropLast() {
            for column in rows[row].indices.dropLast() {
                let color = rows[row][column]
                if rows[row][column + 1] == color, rows[row + 1][column] == color, rows[row + 1][column + 1] == color {
                    score += 3
                }
            }
        }
        return score
    }

    /// Rule 3: each dark-light-dark-dark-dark-light-dark run (1:1:3:1:1, like a
    /// finder) with four light modules on one side scores 40; the quiet zone counts as light.
    static func finderLikePatterns(in line: [Bool]) -> Int {
        let lightBefore = 0b000_0101_1101  // 0000 1011101
        let lightAfter = 0b101_1101_0000   // 1011101 0000
        let quietZone = [Bool](repeating: false, count: 4)
        var window = 0
        var score = 0
        for (index, isDark) in (quietZone + line + quietZone).enumerated() {
            window = (window << 1 | (isDark ? 1 : 0)) & 0b111_1111_1111
            if index >= 10, window == lightBefore || window == lightAfter { score += 40 }
        }
        return score
    }

    /// Rule 4: 10 points for every full 5 % by which the share of dark modules differs from 50 %.
    static func imbalance(in rows: [[Bool]]) -> Int {
        let total = rows.count * rows.count
        let dark = rows.reduce(0) { $0 + $1.count { $0 } }
        return abs(dark * 20 - total * 10) / total * 10
    }
}
