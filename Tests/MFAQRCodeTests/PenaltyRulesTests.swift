@testable import MFAQRCode
import Testing

/// Each penalty rule on small lines and blocks, with the scores worked out by hand.
@Suite struct PenaltyRulesTests {
    private static func line(_ pattern: String) -> [Bool] { pattern.map { $0 == "#" } }

    @Test func runsOfFiveOrMoreScoreThreePlusOnePerExtraModule() {
        #expect(PenaltyRules.sameColorRuns(in: Self.line("#.#.#.#.#.#")) == 0)
        #expect(PenaltyRules.sameColorRuns(in: Self.line("####.#.#.#.")) == 0)
        #expect(PenaltyRules.sameColorRuns(in: Self.line("#####.#.#.#")) == 3)
        #expect(PenaltyRules.sameColorRuns(in: Self.line("#######.#.#")) == 5)
        #expect(PenaltyRules.sameColorRuns(in: Self.line("#####.....#")) == 6)
    }

    @Test func everyTwoByTwoBlockOfOneColorScoresThree() {
        let rows = ["##.", "##.", "#.#"].map(Self.line)
        #expect(PenaltyRules.sameColorBlocks(in: rows) == 3)
        let overlapping = ["###", "###", "#.#"].map(Self.line)
        #expect(PenaltyRules.sameColorBlocks(in: overlapping) == 6)
    }

    @Test func finderLikeRunsWithFourLightModulesOnASideScoreForty() {
        #expect(PenaltyRules.finderLikePatterns(in: Self.line("#.#.###.#....#")) == 40)
        #expect(PenaltyRules.finderLikePatterns(in: Self.line("#....#.###.#.#")) == 40)
        #expect(PenaltyRules.finderLikePatterns(in: Self.line("#...#.###.#...#")) == 0)
        // At the edge the quiet zone supplies the light modules, on both sides here.
        #expect(PenaltyRules.finderLikePatterns(in: Self.line("#.###.#")) == 80)
    }

    @Test func imbalanceScoresTenPerFullFivePercentFromHalf() {
        let half = ["#.", ".#"].map(Self.line)
        #expect(PenaltyRules.imbalance(in: half) == 0)
        let threeQuarters = ["##", "#."].map(Self.line)
        #expect(PenaltyRules.imbalance(in: threeQuarters) == 50)
        let allDark = ["##", "##"].map(Self.line)
        #expect(PenaltyRules.imbalance(in: allDark) == 100)
    }
}
