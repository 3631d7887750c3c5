/// Quoted-printable body encoding (RFC 2045 section 6.7).
enum QuotedPrintable {
    /// The longest encoded line, soft line break `=` included.
    private static let maximumLineLength = 76
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes one line of text (without its line break) into one or more lines joined by soft line breaks.
    ///
    /// Only printable ASCII other than `=` stays literal; spaces and tabs stay
    /// literal except at the end of a line, where transports may strip them.
    static func encode(line: some Sequence<UInt8>) -> [UInt8] {
        let bytes = Array(line)
        var output: [UInt8] = []
        var currentLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast)
            let token: [UInt8] = literal
                ? [byte]
                : [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            // Room for the token, plus a soft break unless this is the last token.
            let room = maximumLineLength - (isLast ? 0 : 1)
            if currentLength + token.count > room {
                output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                currentLength = 0
            }
            output.append(contentsOf: token)
            currentLength += token.count
        }
        return output
    }
}
