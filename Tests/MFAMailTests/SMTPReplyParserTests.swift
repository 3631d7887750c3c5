import NIOCore
@testable import MFAMail
import Testing

@Suite struct SMTPReplyParserTests {
    private func replies(_ chunks: String...) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for chunk in chunks {
            var buffer = ByteBuffer(string: chunk)
            parser.append(&buffer)
            while let reply = try parser.nextReply() { replies.append(reply) }
        }
        return replies
    }

    @Test func assemblesAMultiLineReplyArrivingInPieces() throws {
        let parsed = try replies("250-mail.test\r\n250-STAR", "TTLS\r\n250-AUTH PLAIN LOGIN\r", "\n250 HELP\r\n")
        #expect(parsed == [SMTPReply(code: 250, lines: ["mail.test", "STARTTLS", "AUTH PLAIN LOGIN", "HELP"])])
        #expect(SMTPCapabilities(ehloReply: parsed[0]).offersStartTLS)
        #expect(SMTPCapabilities(ehloReply: parsed[0]).authenticationMechanisms == ["PLAIN", "LOGIN"])
    }

    @Test func separatesRepliesAndAcceptsACodeWithoutText() throws {
        #expect(try replies("220 ready\r\n250\r\n354 go ahead\n") == [
            SMTPReply(code: 220, lines: ["ready"]), SMTPReply(code: 250, lines: [""]),
            SMTPReply(code: 354, lines: ["go ahead"]),
        ])
    }

    @Test(arguments: ["250-first\r\n251 second\r\n", "25O ok\r\n", "250_ok\r\n", "hello\r\n", "199 info\r\n",
                      String(repeating: "x", count: 3_000)])
    func refusesWhatIsNotAReply(text: String) {
        #expect(throws: SMTPConnectionError.malformedReply) { try replies(text) }
    }

    @Test func knowsWhetherBytesOfANextReplyAreWaiting() throws {
        var parser = SMTPReplyParser()
        var buffer = ByteBuffer(string: "220 go ahead\r\n250 injected")
        parser.append(&buffer)
        _ = try parser.nextReply()
        #expect(!parser.isEmpty)
    }

    @Test func readsTheOldAUTHEqualsForm() {
        let reply = SMTPReply(code: 250, lines: ["mail.test", "AUTH=LOGIN PLAIN", "8BITMIME"])
        #expect(SMTPCapabilities(ehloReply: reply).authenticationMechanisms == ["LOGIN", "PLAIN"])
        #expect(!SMTPCapabilities(ehloReply: reply).offersStartTLS)
    }
}
