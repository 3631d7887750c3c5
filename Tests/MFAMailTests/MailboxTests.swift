import MFAMail
import Testing

@Suite struct MailboxTests {
    @Test func parsesADisplayNameAndAnAddress() throws {
        let mailbox = try Mailbox(parsing: "MFA Server <no-reply@localhost>")
        #expect(mailbox.displayName == "MFA Server")
        #expect(mailbox.address == "no-reply@localhost")
        #expect(mailbox.domain == "localhost")
    }

    @Test func parsesAQuotedDisplayNameWithEscapes() throws {
        let mailbox = try Mailbox(parsing: #"  "Doe, \"JD\" John" <john.doe+mfa@example.com>  "#)
        #expect(mailbox.displayName == #"Doe, "JD" John"#)
        #expect(mailbox.address == "john.doe+mfa@example.com")
    }

    @Test func parsesABareAddress() throws {
        let mailbox = try Mailbox(parsing: "no-reply@[127.0.0.1]")
        #expect(mailbox.displayName == nil)
        #expect(mailbox.domain == "[127.0.0.1]")
        #expect(mailbox.description == "no-reply@[127.0.0.1]")
    }

    @Test(arguments: [
        "no-at-sign", "two@@example.com", "a b@example.com", "a@exa mple.com", ".dot@example.com",
        "dot.@example.com", "a..b@example.com", "a@example..com", "a@", "@example.com",
        "a@example.com\r\nBcc: eve@example.com", "a@example.com>", "\"quoted\"@example.com", "jörg@example.com",
    ])
    func refusesAddressesThatAreNotPlain(address: String) {
        #expect(throws: MailboxError.invalidAddress) { try Mailbox(address: address) }
    }

    @Test func refusesADisplayNameWithALineBreak() {
        #expect(throws: MailboxError.invalidDisplayName) {
            try Mailbox(parsing: "MFA\r\nBcc: eve@example.com <no-reply@example.com>")
        }
    }

    @Test(arguments: ["Name <a@example.com", "\"Unclosed <a@example.com>", "<>"])
    func refusesMalformedMailboxes(text: String) {
        #expect(throws: MailboxError.self) { try Mailbox(parsing: text) }
    }
}
