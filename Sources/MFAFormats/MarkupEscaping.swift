/// The one escaper for HTML and XML text: the pages, the QR code's SVG and the
/// API reference all escape through it.
public enum MarkupEscaping {
    /// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character
    /// references, and the characters XML 1.0 forbids (most control characters)
    /// replaced by U+FFFD, so that the result is inert and well-formed both
    /// between tags and inside quoted attribute values.
    ///
    /// It works on Unicode scalars rather than characters: a `<` followed by a
    /// combining mark forms a single `Character` that is not equal to `<`, yet a
    /// parser still sees the `<`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"...:
                escaped.unicodeScalars.append(scalar)
            default:
                escaped += "\u{FFFD}"
            }
        }
        return escaped
    }
}
