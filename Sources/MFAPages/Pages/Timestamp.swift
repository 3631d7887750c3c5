import Foundation
import MFAFormats

/// A moment shown on a page: RFC 3339 UTC in the `datetime` attribute, and the
/// same instant in a form people read easily as the text.
enum Timestamp {
    static func html(_ date: Date) -> HTML {
        let machine = RFC3339.string(from: date)
        let readable = machine.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
        return "<time datetime=\"\(machine)\">\(readable)</time>"
    }
}
