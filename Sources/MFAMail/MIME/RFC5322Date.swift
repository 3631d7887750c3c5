import Foundation

enum RFC5322Date {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` in UTC as RFC 5322 section 3.3 wants it: `Thu, 19 Nov 2026 10:00:00 +0000`.
    ///
    /// Formatted by hand rather than with a `DateFormatter` so that no locale of
    /// the host can change the English names.
    static func string(from date: Date) -> String {
        let parts = Calendar.gregorianUTC.dateComponents(
            [.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000",
            weekdays[parts.weekday! - 1], parts.day!, months[parts.month! - 1], parts.year!,
            parts.hour!, parts.minute!, parts.second!)
    }
}
