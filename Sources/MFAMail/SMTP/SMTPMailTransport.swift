import MFACore
import NIOCore
import NIOPosix

/// Delivers each message to an SMTP server over a connection of its own.
///
/// ```swift
/// let transport = try SMTPMailTransport(configuration: SMTPConfiguration(url: mailURL, sender: sender))
/// try await transport.send(message)
/// ```
///
/// One connection per message keeps the client simple and stateless; the
/// outbox sends few messages, and a new connection costs a handshake, not a
/// mailbox.
///
/// Failures are ``MFACore/MailDeliveryError`` values:
/// - ``MFACore/MailDeliveryError/permanent(_:)`` for a 5xx reply (and for a message
///   whose recipient or subject could inject headers): sending again cannot help;
/// - ``MFACore/MailDeliveryError/transient(_:)`` for everything else: a 4xx reply,
///   a timeout, a refused connection, a failed TLS handshake or certificate check,
///   a server that does not offer STARTTLS or a usable AUTH mechanism. These are
///   about the server or the way to it, and may heal.
///
/// A timeout while waiting for the reply to the end of the message is transient
/// although the server may have accepted the message, so a retry can deliver it
/// twice (RFC 1047); losing it would be worse. Once the server has accepted the
/// message, a failing `QUIT` no longer matters.
public struct SMTPMailTransport: MailTransport {
    /// The server and settings every delivery uses.
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let tls: TLSClientSetup?

    /// Creates a transport, loading the TLS settings once.
    ///
    /// - Parameters:
    ///   - configuration: The server and settings.
    ///   - eventLoopGroup: Where connections run; SwiftNIO's shared group unless given.
    /// - Throws: ``SMTPConfigurationError`` when the extra CA file cannot be loaded,
    ///   the EHLO name is invalid, or credentials would travel unencrypted without
    ///   ``SMTPConfiguration/allowsCredentialsWithoutEncryption``.
    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(SMTPConfigurationError) {
        guard MailAddressSyntax.isValidDomain(Substring(configuration.clientHostname)) else { throw .invalidClientHostname }
        if configuration.security == .none, configuration.credentials != nil,
           !configuration.allowsCredentialsWithoutEncryption
        {
            throw .credentialsWithoutEncryption
        }
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        if configuration.security == .none {
            tls = nil
        } else {
            tls = try TLSClientSetup(
                host: configuration.host,
                additionalTrustedCertificatesFile: configuration.additionalTrustedCertificatesFile
            )
        }
    }

    /// Delivers `message`, or throws a ``MFACore/MailDeliveryError``.
    public func send(_ message: MailMessage) async throws {
        let mime: MIMEMessage
        do {
            mime = try MIMEMessage(message, from: configuration.sender)
        } catch {
            throw MailDeliveryError.permanent(error.description)
        }
        try await deliver(SMTPDataEncoding.encode(mime.rendered()), to: mime.recipient.address)
    }

    private func deliver(_ data: [UInt8], to recipient: String) async throws(MailDeliveryError) {
        let connection = try await SMTPSession.step("connecting to \(configuration.host):\(configuration.port)") {
            try await SMTPConnection.open(
                host: configuration.host,
                port: configuration.port,
                connectTimeout: configuration.connectTimeout,
                greetingTimeout: configuration.commandTimeout,
                implicitTLS: configuration.security == .tls ? tls : nil,
                group: eventLoopGroup
            )
        }
        let session = SMTPSession(connection: connection, configuration: configuration, tls: tls)
        do {
            try await session.deliver(data, to: recipient)
        } catch {
            await session.quit()
            throw error
        }
        await session.quit()
    }
}
