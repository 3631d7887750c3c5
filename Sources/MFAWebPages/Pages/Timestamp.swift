import Foundation

/// A moment shown on a page: RFC 3339 UTC in the `datetime` attribute, and the
/// same instant in a form people read easily as the text.
enum Timestamp {
    static func html(_ date: Date) -> HTML {
        let machine = date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        let readable = machine.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
        return "<time datetime=\"\(machine)\">\(readable)</time>"
    }
}
