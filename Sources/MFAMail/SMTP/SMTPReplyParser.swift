import NIOCore

/// Assembles ``SMTPReply`` values from the bytes a server sends (RFC 5321 section 4.2).
///
/// Strict about what it accepts: every line starts with the same three digits,
/// followed by `-` (more lines follow), a space or the line's end; lines and
/// replies have a size limit so that a hostile server cannot exhaust memory.
struct SMTPReplyParser {
    private static let maximumLineLength = 2_048
    private static let maximumLineCount = 128

    private var buffer = ByteBuffer()
    private var code: Int?
    private var lines: [String] = []

    /// True when no byte of a next reply has arrived yet.
    var isEmpty: Bool { buffer.readableBytes == 0 && code == nil }

    mutating func append(_ bytes: inout ByteBuffer) {
        buffer.writeBuffer(&bytes)
    }

    /// The next complete reply, or `nil` when more bytes are needed.
    mutating func nextReply() throws(SMTPConnectionError) -> SMTPReply? {
        while let line = try nextLine() {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, bytes[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  let lineCode = Int(String(line.prefix(3))), (200...599).contains(lineCode)
            else { throw .malformedReply }
            guard code == nil || code == lineCode else { throw .malformedReply }
            let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { throw .malformedReply }
            code = lineCode
            lines.append(String(line.dropFirst(4)))
            guard lines.count <= Self.maximumLineCount else { throw .malformedReply }
            if separator == UInt8(ascii: " ") {
                defer { code = nil; lines = [] }
                return SMTPReply(code: lineCode, lines: lines)
            }
        }
        return nil
    }

    /// The next line without its CRLF (a bare LF is tolerated), or `nil` when none is complete.
    private mutating func nextLine() throws(SMTPConnectionError) -> String? {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            guard buffer.readableBytes <= Self.maximumLineLength else { throw .malformedReply }
            return nil
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maximumLineLength, var bytes = buffer.readBytes(length: length + 1) else {
            throw .malformedReply
        }
        bytes.removeLast()
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        // Reply text is only ever shown to people, so invalid UTF-8 is replaced rather than refused.
        return String(decoding: bytes, as: UTF8.self)
    }
}
