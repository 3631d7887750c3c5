/// Escaping of text for XML attribute values and character data.
enum XMLEscaping {
    /// Returns `text` with markup characters replaced by entities and characters
    /// XML 1.0 forbids (most control characters) replaced by U+FFFD, so the result
    /// is well-formed inside quotes or between tags.
    static func escape(_ text: String) -> String {
        var escaped = ""
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
