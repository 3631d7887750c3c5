import MFACore
import MFACoreTesting
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

    /// MFACore refuses every address MFAMail could not send to, so that no
    /// user is told "check your mail" for mail that can never leave: over
    /// thousands of generated addresses, every one `EmailAddress` accepts is a `Mailbox`.
    @Test func everyAddressMFACoreAcceptsIsOneMFAMailDeliversTo() throws {
        let pieces = [
            "a", "Z", "7", ".", "-", "+", "_", "'", "\"", "@", "ë", "e\u{0308}", "\u{200B}", "\u{202E}", " ",
            "[", "]", ":", "(", ",", "\r\n", "中", "\u{FF21}",
        ]
        let random = SeededRandomSource(seed: 0x5EED)
        func pick(_ count: Int) -> Int { Int(random.bytes(count: 1)[0]) % count }
        func piecesOrLetters() -> String {
            (0..<1 + pick(4)).map { _ in pick(2) == 0 ? "ab" : pieces[pick(pieces.count)] }.joined()
        }
        var accepted = 0
        for _ in 0..<5_000 {
            let address = piecesOrLetters() + "@" + piecesOrLetters() + [".com", ".c", "", "."][pick(4)]
            guard let valid = try? EmailAddress(address) else { continue }
            accepted += 1
            #expect(throws: Never.self, "\(address.debugDescription)") { try Mailbox(address: valid.value) }
        }
        #expect(accepted > 100)
    }
}
