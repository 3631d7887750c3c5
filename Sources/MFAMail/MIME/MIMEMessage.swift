import Foundation
import MFACore

/// A ``MailMessage`` framed as an Internet message: RFC 5322 headers and a
/// quoted-printable UTF-8 text body.
///
/// ```swift
/// let mime = try MIMEMessage(message, from: Mailbox(parsing: "MFA Server <no-reply@example.com>"))
/// let bytes = mime.rendered()   // CRLF line endings, ready for SMTP DATA or an .eml file
/// ```
///
/// The body is always quoted-printable, whatever the server advertises: it
/// keeps every line within 76 characters (a long link is split by soft line
/// breaks that every reader removes again) and needs no 8BITMIME support.
public struct MIMEMessage: Sendable, Hashable {
    /// The author, rendered in the `From` header.
    public let sender: Mailbox
    /// The recipient, rendered in the `To` header.
    public let recipient: Mailbox
    /// The subject in plain Unicode.
    public let subject: String
    /// The plain-text body in plain Unicode.
    public let textBody: String
    /// The moment rendered in the `Date` header.
    public let date: Date
    /// The `Message-ID` without angle brackets: `random@sender-domain`.
    public let messageID: String

    /// Frames `message` as sent by `sender`.
    ///
    /// - Parameters:
    ///   - message: What MFACore wants to say.
    ///   - sender: The `From` mailbox; its domain also ends the `Message-ID`.
    ///   - date: The `Date` header.
    ///   - randomSource: Draws the 16 random bytes of the `Message-ID`.
    /// - Throws: ``MIMEMessageError`` when the recipient is not a plain address or the
    ///   subject contains a line break, either of which could inject headers.
    public init(
        _ message: MailMessage,
        from sender: Mailbox,
        date: Date = Date(),
        randomSource: some RandomSource = SystemRandomSource()
    ) throws(MIMEMessageError) {
        guard !message.subject.contains(where: \.isNewline) else { throw .lineBreakInSubject }
        do {
            recipient = try Mailbox(address: message.recipient)
        } catch {
            throw .invalidRecipient
        }
        self.sender = sender
        self.subject = message.subject
        self.textBody = message.textBody
        self.date = date
        let unique = randomSource.bytes(count: 16).map { String(format: "%02x", $0) }.joined()
        self.messageID = "\(unique)@\(sender.domain)"
    }

    /// The whole message with CRLF line endings, not yet dot-stuffed for SMTP.
    public func rendered() -> [UInt8] {
        var headers = [
            "Date: \(RFC5322Date.string(from: date))",
            "From: \(Self.render(sender))",
            "To: \(Self.render(recipient))",
            "Subject: \(HeaderText.unstructured(subject, fieldName: "Subject"))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ].joined(separator: "\r\n")
        headers += "\r\n\r\n"
        return Array(headers.utf8) + Self.encodedBody(textBody)
    }

    private static func render(_ mailbox: Mailbox) -> String {
        guard let displayName = mailbox.displayName else { return mailbox.address }
        return "\(HeaderText.phrase(displayName)) <\(mailbox.address)>"
    }

    /// Every line of `text`, whatever its line breaks, quoted-printable encoded and ended by CRLF.
    private static func encodedBody(_ text: String) -> [UInt8] {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.flatMap { line in QuotedPrintable.encode(line: line.utf8) + [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
    }
}

/// Why a ``MailMessage`` cannot be framed as a ``MIMEMessage``.
public enum MIMEMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The recipient is not a plain `local@domain` address.
    case invalidRecipient
    /// The subject contains a line break, which would start a new header.
    case lineBreakInSubject

    /// What is wrong, in words for a log.
    public var description: String {
        switch self {
        case .invalidRecipient: "the recipient is not a plain local@domain address"
        case .lineBreakInSubject: "the subject contains a line break"
        }
    }
}
