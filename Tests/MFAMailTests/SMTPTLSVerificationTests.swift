import Foundation
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SMTPTLSVerificationTests {
    /// Starts a server presenting `certificate`, tries to deliver, and returns the failure.
    private func refusal(
        tls: String,
        certificate: (TestCertificates) -> TestCertificates.KeyPair?,
        security: SMTPConfiguration.TransportSecurity,
        host: String = "127.0.0.1",
        trustingTheTestAuthority: Bool = true
    ) async throws -> MailDeliveryError? {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            let options = SMTPTestServer.Options(tls: tls, certificate: certificate(certificates))
            return try await SMTPTestServer.run(options, in: directory) { server in
                let configuration = Fixtures.configuration(
                    for: server, security: security, host: host,
                    trusting: trustingTheTestAuthority ? certificates.trustedCA : nil)
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
                #expect(error?.isTransient == true)
                return error
            }
        }
    }

    @Test(arguments: [("starttls", SMTPConfiguration.TransportSecurity.startTLS), ("tls", .tls)])
    func refusesACertificateFromAnUntrustedAuthority(tls: String, security: SMTPConfiguration.TransportSecurity)
        async throws
    {
        let error = try await refusal(tls: tls, certificate: \.untrustedServer, security: security)
        #expect(error?.text.contains("CERTIFICATE_VERIFY_FAILED") == true, "\(error?.text ?? "no error")")
    }

    @Test func refusesACertificateForAnotherHostName() async throws {
        let error = try await refusal(tls: "tls", certificate: \.wrongNameServer, security: .tls, host: "localhost")
        #expect(error?.text.hasPrefix("TLS handshake and greeting: ") == true)
        #expect(error?.text.contains("failedToValidateHostname") == true)
    }

    @Test func trustsThePrivateServerOnlyThroughTheExtraAuthority() async throws {
        let error = try await refusal(
            tls: "tls", certificate: \.server, security: .tls, trustingTheTestAuthority: false)
        #expect(error?.text.contains("CERTIFICATE_VERIFY_FAILED") == true, "\(error?.text ?? "no error")")
    }

    @Test func refusesAServerWithoutSTARTTLSWhenSTARTTLSIsRequired() async throws {
        let error = try await refusal(tls: "none", certificate: { _ in nil }, security: .startTLS)
        #expect(error == .transient("the server does not offer STARTTLS"))
    }

    @Test func refusesAnUnreadableCertificateAuthorityFileAtOnce() throws {
        var configuration = SMTPConfiguration(host: "localhost", sender: Fixtures.sender)
        configuration.additionalTrustedCertificatesFile = "/nonexistent/ca.pem"
        #expect(throws: SMTPConfigurationError.self) { try SMTPMailTransport(configuration: configuration) }
    }
}
