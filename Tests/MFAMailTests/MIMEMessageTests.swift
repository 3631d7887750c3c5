import Foundation
import MFACore
@testable import MFAMail
import Testing
import MFACoreTesting

@Suite struct MIMEMessageTests {
    private func render(_ message: MailMessage, from sender: Mailbox = Fixtures.sender) throws -> String {
        let mime = try MIMEMessage(message, from: sender, date: Date(timeIntervalSince1970: 1_795_082_400),
                                   randomSource: SeededRandomSource(seed: 1))
        return String(decoding: mime.rendered(), as: UTF8.self)
    }

    @Test func rendersTheHeadersInOrder() throws {
        let text = try render(MailMessage(recipient: "alice@example.com", subject: "Your link", textBody: "Hi\n"))
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.map { $0.prefix { $0 != ":" } } == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        ])
        #expect(headers.contains("Date: Thu, 19 Nov 2026 10:00:00 +0000"))
        #expect(headers.contains("From: MFA Server <no-reply@mfa.example.com>"))
        #expect(headers.contains("Subject: Your link"))
        #expect(text.hasSuffix("\r\n\r\nHi\r\n"))
    }

    @Test func drawsTheMessageIDFromTheRandomSourceAtTheSenderDomain() throws {
        let message = MailMessage(recipient: "alice@example.com", subject: "", textBody: "")
        let first = try MIMEMessage(message, from: Fixtures.sender, randomSource: SeededRandomSource(seed: 1))
        let again = try MIMEMessage(message, from: Fixtures.sender, randomSource: SeededRandomSource(seed: 1))
        let other = try MIMEMessage(message, from: Fixtures.sender, randomSource: SeededRandomSource(seed: 2))
        #expect(first.messageID == again.messageID)
        #expect(first.messageID != other.messageID)
        #expect(first.messageID.hasSuffix("@mfa.example.com"))
        #expect(first.messageID.count == 32 + "@mfa.example.com".count)
    }

    @Test(arguments: ["Line\r\nBcc: eve@example.com", "Line\nBcc: eve@example.com", "Line\rBcc: eve@example.com"])
    func refusesASubjectWithALineBreak(subject: String) {
        let message = MailMessage(recipient: "alice@example.com", subject: subject, textBody: "")
        #expect(throws: MIMEMessageError.lineBreakInSubject) { try MIMEMessage(message, from: Fixtures.sender) }
    }

    @Test(arguments: ["alice@example.com\r\nBcc: eve@example.com", "Alice <alice@example.com>", "alice"])
    func refusesARecipientThatIsNotAPlainAddress(recipient: String) {
        let message = MailMessage(recipient: recipient, subject: "Hi", textBody: "")
        #expect(throws: MIMEMessageError.invalidRecipient) { try MIMEMessage(message, from: Fixtures.sender) }
    }

    @Test func quotedPrintableLinesStayWithin76Characters() {
        let line = Array((String(repeating: "ä=x ", count: 40) + " ").utf8)
        let encoded = QuotedPrintable.encode(line: line)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.last?.hasSuffix("=20") == true)
    }

    @Test func encodedWordsSplitLongSubjectsBetweenCharacters() {
        let subject = String(repeating: "🔐ü", count: 30)
        let value = HeaderText.unstructured(subject, fieldName: "Subject")
        let lines = ("Subject: " + value).components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        let decoded = lines.map { line in
            let word = line.split(separator: " ").last!
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            return Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!
        }
        #expect(decoded.allSatisfy { String(data: $0, encoding: .utf8) != nil })
        #expect(String(decoding: decoded.reduce(Data(), +), as: UTF8.self) == subject)
    }

    @Test func plainASCIISubjectsAreFoldedAtSpacesButNotEncoded() {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let value = HeaderText.unstructured(subject, fieldName: "Subject")
        #expect(!value.contains("=?"))
        #expect(("Subject: " + value).components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(value.replacingOccurrences(of: "\r\n", with: "") == subject)
    }
}
