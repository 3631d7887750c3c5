/// One reply from an SMTP server: a three-digit code and one or more lines of text.
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, such as 250.
    var code: Int
    /// The text of each line, without the code and separator.
    var lines: [String]

    /// 2xx: the command succeeded.
    var isCompletion: Bool { (200..<300).contains(code) }

    /// The reply as the server sent it, for errors and logs: on one line, every
    /// email address redacted (see ``Swift/String/redactingAddresses``), and
    /// shortened so that a chatty server cannot flood an error message.
    var description: String {
        let text = "\(code) \(lines.joined(separator: " "))".redactingAddresses
        return text.count > 300 ? text.prefix(300) + "…" : text
    }
}
