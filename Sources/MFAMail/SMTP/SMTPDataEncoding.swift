/// The message as it travels after `DATA` (RFC 5321 section 4.5.2).
enum SMTPDataEncoding {
    /// Ends every line with CRLF, doubles a leading dot on any line so that no line of
    /// the message can end the data early, and appends the `.` line that does.
    static func encode(_ message: [UInt8]) -> [UInt8] {
        var lines = message.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 64 + 5)
        for var line in lines {
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if line.first == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output += line
            output += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        }
        output += Array(".\r\n".utf8)
        return output
    }
}
