import Foundation
import MFACore
import MFAMail

/// Messages and settings shared by the tests.
enum Fixtures {
    static let sender = try! Mailbox(displayName: "MFA Server", address: "no-reply@mfa.example.com")

    /// A one-time link longer than any quoted-printable line.
    static let link = "https://mfa.example.com/account/confirm?token=" + String(repeating: "q7Zx-_9K", count: 20)

    static let subject = "Bestätige dein Konto: 🔐 Anmeldung für Zoë — bitte innerhalb von 15 Minuten"

    static let bodyLines = [
        "Hallo Alice,",
        "",
        "bitte bestätige deine Adresse mit diesem Link:",
        link,
        "",
        "Der Link gilt 15 Minuten. Grüße, dein MFA-Server = 100 % sicher",
    ]

    static let message = MailMessage(
        recipient: "alice@example.com",
        subject: subject,
        textBody: bodyLines.joined(separator: "\n") + "\n"
    )

    /// Settings for a test server on loopback, with timeouts short enough for a
    /// test and long enough for a TLS handshake on a loaded two-core machine.
    static func configuration(
        for server: SMTPTestServer,
        security: SMTPConfiguration.TransportSecurity,
        host: String = "127.0.0.1",
        trusting certificateAuthority: String? = nil
    ) -> SMTPConfiguration {
        var configuration = SMTPConfiguration(host: host, port: server.port, security: security, sender: sender)
        configuration.additionalTrustedCertificatesFile = certificateAuthority
        configuration.connectTimeout = .seconds(15)
        configuration.commandTimeout = .seconds(30)
        configuration.dataTimeout = .seconds(30)
        return configuration
    }
}

extension MailDeliveryError {
    var isPermanent: Bool {
        if case .permanent = self { return true }
        return false
    }

    var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }

    var text: String {
        switch self {
        case .permanent(let text), .transient(let text): text
        }
    }
}
