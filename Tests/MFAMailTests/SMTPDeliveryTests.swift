import Foundation
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SMTPDeliveryTests {
    @Test func deliversOverAPlainConnection() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory) { server in
                let transport = try SMTPMailTransport(configuration: Fixtures.configuration(for: server, security: .none))
                try await transport.send(Fixtures.message)

                let received = try server.receivedMessages()
                #expect(received.count == 1)
                #expect(received.first?.mailFrom == "no-reply@mfa.example.com")
                #expect(received.first?.recipients == ["alice@example.com"])
                #expect(received.first?.heloName == "localhost")
                #expect(received.first?.encrypted == false)
            }
        }
    }

    @Test func pythonsEmailPackageReadsBackEveryHeaderAndTheExactBody() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory) { server in
                let transport = try SMTPMailTransport(configuration: Fixtures.configuration(for: server, security: .none))
                try await transport.send(Fixtures.message)

                let message = try #require(try server.receivedMessages().first).message
                #expect(message.defects.isEmpty)
                #expect(message.subject == Fixtures.subject)
                #expect(message.fromDisplayName == "MFA Server")
                #expect(message.fromAddress == "no-reply@mfa.example.com")
                #expect(message.to == "alice@example.com")
                #expect(message.mimeVersion == "1.0")
                #expect(message.contentType == "text/plain")
                #expect(message.charset == "utf-8")
                #expect(message.transferEncoding == "quoted-printable")
                #expect(message.messageID.hasPrefix("<") && message.messageID.hasSuffix("@mfa.example.com>"))
                #expect(message.date.hasSuffix("+00:00"))
                #expect(message.bodyLines == Fixtures.bodyLines)
                #expect(message.bodyLines.contains(Fixtures.link))
            }
        }
    }

    @Test func keepsEveryLineOfTheMessageShortAndASCII() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory) { server in
                let transport = try SMTPMailTransport(configuration: Fixtures.configuration(for: server, security: .none))
                try await transport.send(Fixtures.message)

                let raw = try #require(try server.receivedMessages().first).message.rawBytes
                #expect(raw.allSatisfy { $0 < 128 })
                let lines = raw.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                #expect(lines.dropLast().allSatisfy { $0.last == UInt8(ascii: "\r") })
                #expect(lines.allSatisfy { $0.count <= 78 + 1 })
            }
        }
    }

    @Test func dotStuffingKeepsLinesThatStartWithADot() async throws {
        let lines = [".hidden", ".", "..two dots", "end ."]
        let message = MailMessage(recipient: "bob@example.com", subject: "Dots", textBody: lines.joined(separator: "\n"))
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory) { server in
                let transport = try SMTPMailTransport(configuration: Fixtures.configuration(for: server, security: .none))
                try await transport.send(message)

                #expect(try server.receivedMessages().map(\.message.bodyLines) == [lines])
            }
        }
    }

    @Test func deliversWithSTARTTLSToAnIPAddressCertificate() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: "starttls", certificate: certificates.server)
            try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(for: server, security: .startTLS, trusting: certificates.trustedCA)
                try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)

                let received = try server.receivedMessages()
                #expect(received.map(\.encrypted) == [true])
                #expect(received.first?.message.bodyLines == Fixtures.bodyLines)
            }
        }
    }

    @Test func deliversWithImplicitTLSToAHostNameCertificate() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: "tls", certificate: certificates.server)
            try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(
                    for: server, security: .tls, host: "localhost", trusting: certificates.trustedCA)
                try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)

                let received = try server.receivedMessages()
                #expect(received.map(\.encrypted) == [true])
                #expect(received.first?.message.subject == Fixtures.subject)
            }
        }
    }

    @Test func fallsBackToHELOWhenTheServerRejectsEHLO() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let options = SMTPTestServer.Options(ehloReply: "502 5.5.1 EHLO not implemented")
            try await SMTPTestServer.run(options, in: directory) { server in
                let transport = try SMTPMailTransport(configuration: Fixtures.configuration(for: server, security: .none))
                try await transport.send(Fixtures.message)

                #expect(try server.receivedMessages().map(\.heloName) == ["localhost"])
            }
        }
    }
}
