import Foundation
import MFAFormats
import Testing

@Suite struct RFC3339Tests {
    @Test func timesAreWrittenInUTCWithWholeOrMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_795_615_387.9875)
        #expect(RFC3339.string(from: date) == "2026-11-25T14:03:07Z")
        #expect(RFC3339.string(from: date, fractionalSeconds: true) == "2026-11-25T14:03:07.987Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    /// The same text as Foundation's ISO 8601 format style, which the
    /// formatter replaced, over four centuries of random times, leap days and
    /// the ends of years included, before and after 1970.
    @Test func theTextIsFoundationsISO8601Text() {
        var generator = SystemRandomNumberGenerator()
        let boundaries: [TimeInterval] = [-0.001, 0, 0.999, 951_782_399.5, 951_782_400, 4_107_542_399.999, -2_208_988_800.25]
        let randomTimes = (0..<20_000).map { _ in TimeInterval.random(in: -6_000_000_000...7_000_000_000, using: &generator) }
        for seconds in boundaries + randomTimes {
            let date = Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000)
            for fraction in [false, true] {
                let foundation = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: fraction, timeZone: .gmt))
                #expect(RFC3339.string(from: date, fractionalSeconds: fraction) == foundation, "\(seconds)")
            }
        }
    }
}
