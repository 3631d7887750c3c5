import Foundation
import InMemoryLogging
import Logging
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct FileMailTransportTests {
    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func createsAPrivateDirectoryAndPrivateFiles() async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let directory = root.appendingPathComponent("outbox/mail").path
            let transport = try FileMailTransport(directory: directory, sender: Fixtures.sender)
            let path = try transport.write(Fixtures.message)

            #expect(try permissions(directory) == 0o700)
            #expect(try permissions(path) == 0o600)
            #expect(path.hasPrefix(directory + "/"))
            #expect(URL(fileURLWithPath: path).lastPathComponent.wholeMatch(of: /\d{8}T\d{6}Z-[0-9a-f]{32}\.eml/) != nil)
        }
    }

    @Test func logsThePathOfEachFile() async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let handler = InMemoryLogHandler()
            let transport = try FileMailTransport(
                directory: root.path, sender: Fixtures.sender, logger: Logger(label: "mail") { _ in handler })
            let path = try transport.write(Fixtures.message)

            #expect(handler.entries.map { $0.metadata["path"] } == ["\(path)"])
            #expect(handler.entries.allSatisfy { !"\($0.message)".contains(Fixtures.link) })
        }
    }

    @Test func writesOneCompleteFilePerMessageAndNoTemporaryFiles() async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let directory = root.path
            let transport = try FileMailTransport(directory: directory, sender: Fixtures.sender)
            let first = try transport.write(Fixtures.message)
            try await transport.send(Fixtures.message)

            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(names.count == 2)
            #expect(names.allSatisfy { $0.hasSuffix(".eml") && !$0.hasPrefix(".") })
            #expect(names.contains(URL(fileURLWithPath: first).lastPathComponent))
        }
    }

    @Test func theFileIsAMessagePythonsEmailPackageReadsBackExactly() async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let transport = try FileMailTransport(directory: root.path, sender: Fixtures.sender)
            let parsed = try SMTPTestServer.parse(messageFile: try transport.write(Fixtures.message))

            #expect(parsed.defects.isEmpty)
            #expect(parsed.subject == Fixtures.subject)
            #expect(parsed.to == "alice@example.com")
            #expect(parsed.bodyLines == Fixtures.bodyLines)
        }
    }

    @Test(arguments: [
        "Plain ASCII subject that is long enough to need folding at a space somewhere after seventy-eight characters",
        "Looks like =?utf-8?B?YQ==?= an encoded word",
        "  leading and  double  spaces ",
        "Tab\tseparated",
        "Link https://mfa.example.com/account/confirm?token=" + String(repeating: "x", count: 120),
        "🔐👩‍👩‍👧‍👦 Zoë’s code: e\u{301} and 中文 " + String(repeating: "ß", count: 60),
        "",
    ])
    func everySubjectReadsBackExactly(subject: String) async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let sender = try Mailbox(parsing: #""Doe, Jane (MFA)" <no-reply@example.com>"#)
            let transport = try FileMailTransport(directory: root.path, sender: sender)
            let message = MailMessage(recipient: "bob@example.com", subject: subject, textBody: "x")
            let parsed = try SMTPTestServer.parse(messageFile: try transport.write(message))

            #expect(parsed.subject == subject)
            #expect(parsed.rawBytes.split(separator: UInt8(ascii: "\n")).allSatisfy { $0.count <= 78 + 1 })
            #expect(parsed.fromDisplayName == "Doe, Jane (MFA)")
            #expect(parsed.defects.isEmpty)
        }
    }

    @Test func aUnicodeDisplayNameReadsBackExactly() async throws {
        try await TestEnvironment.withTemporaryDirectory { root in
            let sender = try Mailbox(displayName: "Zoë’s MFA-Dienst", address: "no-reply@example.com")
            let transport = try FileMailTransport(directory: root.path, sender: sender)
            let parsed = try SMTPTestServer.parse(messageFile: try transport.write(Fixtures.message))

            #expect(parsed.fromDisplayName == "Zoë’s MFA-Dienst")
            #expect(parsed.fromAddress == "no-reply@example.com")
        }
    }
}
