@testable import MFAMail
import Testing

@Suite struct SMTPDataEncodingTests {
    private func encode(_ text: String) -> String {
        String(decoding: SMTPDataEncoding.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test func doublesLeadingDotsAndTerminatesTheData() {
        #expect(encode("Subject: x\r\n\r\n.\r\n..a\r\nb.\r\n") == "Subject: x\r\n\r\n..\r\n...a\r\nb.\r\n.\r\n")
    }

    @Test func endsEveryLineWithCRLF() {
        #expect(encode("a\nb\r\nc") == "a\r\nb\r\nc\r\n.\r\n")
    }
}
