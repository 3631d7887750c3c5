import Foundation

extension Calendar {
    /// The Gregorian calendar in UTC: dates in headers and file names must not depend on the host's settings.
    static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
