import Foundation
import MFACore
import MFAMail
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SMTPAuthenticationTests {
    private let username = "mfa@example.com"
    private let password = "p@ss:wörd/1%"

    @Test func authenticatesWithPLAINAfterSTARTTLSUsingPercentDecodedURLCredentials() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            var options = SMTPTestServer.Options(tls: "starttls", certificate: certificates.server)
            options.requiredCredentials = (username, password)
            try await SMTPTestServer.run(options, in: directory) { server in
                let url = "smtp://mfa%40example.com:p%40ss%3Aw%C3%B6rd%2F1%25@127.0.0.1:\(server.port)?tls=starttls"
                var configuration = try SMTPConfiguration(url: url, sender: Fixtures.sender)
                configuration.additionalTrustedCertificatesFile = certificates.trustedCA
                try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)

                #expect(try server.authenticationAttempts() == [AuthenticationAttempt(mechanism: "PLAIN", accepted: true)])
                #expect(try server.receivedMessages().map(\.authenticatedUser) == ["\(username) via PLAIN"])
            }
        }
    }

    @Test func authenticatesWithLOGINWhenTheServerOffersOnlyLOGIN() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            var options = SMTPTestServer.Options(tls: "tls", certificate: certificates.server)
            options.requiredCredentials = (username, password)
            options.authMechanisms = ["LOGIN"]
            try await SMTPTestServer.run(options, in: directory) { server in
                var configuration = Fixtures.configuration(for: server, security: .tls, trusting: certificates.trustedCA)
                configuration.credentials = .init(username: username, password: password)
                try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)

                #expect(try server.authenticationAttempts() == [AuthenticationAttempt(mechanism: "LOGIN", accepted: true)])
                #expect(try server.receivedMessages().count == 1)
            }
        }
    }

    @Test func aRejectedPasswordIsPermanentAndNotRepeatedInTheError() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            let certificates = try TestCertificates.make(in: directory)
            var options = SMTPTestServer.Options(tls: "tls", certificate: certificates.server)
            options.requiredCredentials = (username, password)
            try await SMTPTestServer.run(options, in: directory) { server in
                var configuration = Fixtures.configuration(for: server, security: .tls, trusting: certificates.trustedCA)
                configuration.credentials = .init(username: username, password: "wrong-secret")
                let error = await #expect(throws: MailDeliveryError.self) {
                    try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)
                }
                #expect(error?.isPermanent == true)
                #expect(error?.text.contains("535") == true)
                #expect(error?.text.contains("wrong-secret") == false)
                let received = try server.receivedMessages()
                #expect(received.isEmpty)
            }
        }
    }

    @Test func refusesCredentialsWithoutTLSUnlessExplicitlyAllowed() throws {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: 2525, security: .none, sender: Fixtures.sender)
        configuration.credentials = .init(username: username, password: password)
        #expect(throws: SMTPConfigurationError.credentialsWithoutEncryption) {
            try SMTPMailTransport(configuration: configuration)
        }
    }

    @Test func sendsCredentialsWithoutTLSWhenExplicitlyAllowed() async throws {
        try await TestEnvironment.withTemporaryDirectory { directory in
            var options = SMTPTestServer.Options()
            options.requiredCredentials = (username, password)
            options.offersAuthWithoutTLS = true
            try await SMTPTestServer.run(options, in: directory) { server in
                var configuration = Fixtures.configuration(for: server, security: .none)
                configuration.credentials = .init(username: username, password: password)
                configuration.allowsCredentialsWithoutEncryption = true
                try await SMTPMailTransport(configuration: configuration).send(Fixtures.message)

                #expect(try server.receivedMessages().map(\.encrypted) == [false])
                #expect(try server.authenticationAttempts().map(\.accepted) == [true])
            }
        }
    }
}
