import Foundation
import MFACore

/// Header field text that any mail reader decodes back to the exact Unicode it was made from.
///
/// Plain ASCII text is folded at spaces; anything else becomes RFC 2047
/// encoded-words (UTF-8, base64), each on its own folded line.
enum HeaderText {
    /// Lines of a header field should stay within 78 characters (RFC 5322 section 2.1.1).
    private static let preferredLineLength = 78
    /// Bytes of text per encoded-word: 39 bytes make 52 base64 characters, so that
    /// `=?utf-8?B?…?=` stays within 64 characters and a first line of
    /// `Subject: =?utf-8?B?…?=` within RFC 2047's 76.
    private static let bytesPerEncodedWord = 39
    private static let folding = "\r\n "

    /// The value of an unstructured field such as `Subject`, folded after `name: `.
    static func unstructured(_ text: String, fieldName: String) -> String {
        guard needsEncoding(text) else { return foldedAtSpaces(text, indent: fieldName.count + 2) }
        return encodedWords(text).joined(separator: folding)
    }

    /// A display name as a `phrase`: atoms as they are, a quoted string, or encoded-words.
    static func phrase(_ text: String) -> String {
        if needsEncoding(text) { return encodedWords(text).joined(separator: folding) }
        let isAtoms = text.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy(MailAddressSyntax.isAtomText)
        }
        if isAtoms { return text }
        let escaped = text.unicodeScalars.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : "\($0)" }.joined()
        return "\"\(escaped)\""
    }

    /// True unless `text` is printable ASCII that a reader would not mistake for
    /// an encoded-word, that keeps its spaces when unfolded and trimmed, and whose
    /// words are short enough to fold between.
    private static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII || Mailbox.isControl($0) }
            || text.contains("=?")
            || text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains("  ")
            || text.split(separator: " ").contains { $0.count > preferredLineLength - 10 }
    }

    private static func foldedAtSpaces(_ text: String, indent: Int) -> String {
        var result = ""
        var lineLength = indent
        for (index, word) in text.split(separator: " ").enumerated() {
            if index == 0 {
                result = String(word)
                lineLength += word.count
            } else if lineLength + 1 + word.count > preferredLineLength {
                result += folding + word
                lineLength = 1 + word.count
            } else {
                result += " " + word
                lineLength += 1 + word.count
            }
        }
        return result
    }

    /// Splits `text` into encoded-words without ever cutting a Unicode scalar in two.
    private static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }
}
