import Foundation

/// Times as the contract writes them: RFC 3339 in UTC, e.g. `2026-11-25T14:03:07Z`.
///
/// The one formatter of the package: JSON answers, pages and JSON log lines use it.
/// It writes the digits itself: Foundation's `ISO8601FormatStyle` costs more
/// than the rest of a `GET /users/me`, and the output is the same (a test
/// compares them).
public enum RFC3339 {
    /// `date` in UTC with whole seconds, or with milliseconds when `fractionalSeconds` is set (for logs);
    /// the fraction is cut, not rounded, as Foundation's formatter does.
    public static func string(from date: Date, fractionalSeconds: Bool = false) -> String {
        // Whole seconds and the fraction apart, from Foundation's own epoch
        // (2001), as its formatter counts: other roundings of the same Double
        // differ from it by a millisecond now and then.
        let sinceReference = date.timeIntervalSinceReferenceDate
        let wholeSeconds = sinceReference.rounded(.down)
        let millisecond = Int64(((sinceReference - wholeSeconds) * 1000).rounded(.down))
        let seconds = Int64(wholeSeconds) + 978_307_200
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = [UInt8]()
        text.reserveCapacity(24)
        text.append(digits: year, count: 4)
        text.append(UInt8(ascii: "-"))
        text.append(digits: month, count: 2)
        text.append(UInt8(ascii: "-"))
        text.append(digits: day, count: 2)
        text.append(UInt8(ascii: "T"))
        text.append(digits: secondOfDay / 3600, count: 2)
        text.append(UInt8(ascii: ":"))
        text.append(digits: secondOfDay / 60 % 60, count: 2)
        text.append(UInt8(ascii: ":"))
        text.append(digits: secondOfDay % 60, count: 2)
        if fractionalSeconds {
            text.append(UInt8(ascii: "."))
            text.append(digits: millisecond, count: 3)
        }
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`, counting in eras of 400 years from 0000-03-01).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let (era, dayOfEra) = (days + 719_468).floorDivided(by: 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// The quotient rounded down and the remainder it leaves, never negative.
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}

extension [UInt8] {
    /// The last `count` decimal digits of `value` (not negative), zeros first.
    fileprivate mutating func append(digits value: Int64, count: Int) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
