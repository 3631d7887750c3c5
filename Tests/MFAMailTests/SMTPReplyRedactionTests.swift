@testable import MFAMail
import Testing

/// Reply texts reach error messages and the log; the addresses servers put in them must not.
@Suite struct SMTPReplyRedactionTests {
    @Test(arguments: [
        // Postfix
        ("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
         "550 5.1.1 <redacted>: Recipient address rejected: User unknown in virtual mailbox table"),
        // Exchange Online
        ("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob.smith@contoso.com not found by SMTP address lookup",
         "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient <redacted> not found by SMTP address lookup"),
        // Sendmail, with a tag and an apostrophe in the local part
        ("550 5.1.1 <o'neil+news@mail.example.co.uk>... User unknown", "550 5.1.1 <redacted>... User unknown"),
        // Exim, a multi-line reply joined on one line
        ("550 Verification failed for <alice@example.org> Unrouteable address",
         "550 Verification failed for <redacted> Unrouteable address"),
        // A quoted local part, and an address literal
        (#"553 5.1.3 <"john doe"@example.com>... Invalid address"#, "553 5.1.3 <redacted>... Invalid address"),
        ("550 5.7.1 mallory@[192.0.2.7] is not allowed to relay", "550 5.7.1 <redacted> is not allowed to relay"),
        // Sender and recipient in one reply, bare at the end of a sentence
        ("553 5.7.1 <ada@example.com>: Sender address rejected: not owned by user grace@example.com.",
         "553 5.7.1 <redacted>: Sender address rejected: not owned by user <redacted>."),
        // Internationalised addresses (SMTPUTF8)
        ("550 5.1.1 <usuário@exemplo.com.br>: Recipient address rejected", "550 5.1.1 <redacted>: Recipient address rejected"),
        ("452 4.2.2 The email account that you tried to reach is over quota: jörg@beispiel.de",
         "452 4.2.2 The email account that you tried to reach is over quota: <redacted>"),
    ])
    func aReplyIsDescribedWithoutTheAddressesInIt(reply: String, described: String) throws {
        let code = try #require(Int(reply.prefix(3)))
        #expect(SMTPReply(code: code, lines: [String(reply.dropFirst(4))]).description == described)
    }

    @Test func aReplyWithoutAnAddressIsKeptAsItIs() {
        let text = "5.1.1 The email account that you tried to reach does not exist. Learn more at https://support.google.com/mail/?p=NoSuchUser d2si123 - gsmtp"
        #expect(SMTPReply(code: 550, lines: [text]).description == "550 " + text)
        #expect(SMTPReply(code: 250, lines: ["2.0.0 Ok: queued as 4Q7bJ22Xyz"]).description == "250 2.0.0 Ok: queued as 4Q7bJ22Xyz")
    }

    @Test func anAddressIsRedactedBeforeALongReplyIsShortened() {
        let reply = SMTPReply(code: 550, lines: [String(repeating: "x", count: 290) + " <bob@example.com>: rejected"])
        #expect(!reply.description.contains("bob"))
        #expect(!reply.description.contains("example.com"))
    }
}
