import Foundation
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SMTPTLSVerificationTests {
    @Test(arguments: ["starttls", "tls"])
    func refusesACertificateFromAnUntrustedAuthority(tls: String) async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: tls, certificate: certificates.untrustedServer)
            try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(
                    for: server, security: tls == "tls" ? .tls : .startTLS, trusting: certificates.trustedCA)
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                #expect(error?.isTransient == true)
                #expect(error?.text.contains("CERTIFICATE_VERIFY_FAILED") == true)
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func refusesACertificateForAnotherHostName() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: "tls", certificate: certificates.wrongNameServer)
            try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(
                    for: server, security: .tls, host: "localhost", trusting: certificates.trustedCA)
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                #expect(error?.isTransient == true)
                #expect(error?.text.hasPrefix("TLS handshake and greeting: ") == true)
                #expect(error?.text.contains("failedToValidateHostname") == true)
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func trustsThePrivateServerOnlyThroughTheExtraAuthority() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: "tls", certificate: certificates.server)
            try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(for: server, security: .tls, trusting: nil)
                await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func refusesAServerWithoutSTARTTLSWhenSTARTTLSIsRequired() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            try await SMTPTestServer.run(in: directory) { server in
                let configuration = Fixtures.configuration(for: server, security: .startTLS)
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                #expect(error == .transient("the server does not offer STARTTLS"))
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func refusesAnUnreadableCertificateAuthorityFileAtOnce() throws {
        var configuration = SMTPConfiguration(host: "localhost", sender: Fixtures.sender)
        configuration.additionalTrustedCertificatesFile = "/nonexistent/ca.pem"
        #expect(throws: SMTPConfigurationError.self) { try SMTPMailTransport(configuration: configuration) }
    }
}
