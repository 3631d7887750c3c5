/// One reply from an SMTP server: a three-digit code and one or more lines of text.
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, such as 250.
    var code: Int
    /// The text of each line, without the code and separator.
    var lines: [String]

    /// 2xx: the command succeeded.
    var isCompletion: Bool { (200..<300).contains(code) }

    /// The reply as the server sent it, on one line, shortened so that a chatty
    /// server cannot flood an error message.
    var description: String {
        let text = "\(code) \(lines.joined(separator: " "))"
        return text.count > 300 ? text.prefix(300) + "…" : text
    }
}
