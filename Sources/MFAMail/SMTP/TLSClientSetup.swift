import NIOCore
import NIOSSL

/// How this client starts TLS: full certificate verification against the
/// system's trust roots plus an optional private CA, TLS 1.2 or newer, and the
/// server's name checked against the certificate.
struct TLSClientSetup: Sendable {
    private let context: NIOSSLContext
    /// The name for SNI and host-name verification; `nil` for an IP address,
    /// which NIOSSL then checks against the certificate's IP address entries.
    private let serverHostname: String?

    init(host: String, additionalTrustedCertificatesFile: String?) throws(SMTPConfigurationError) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let additionalTrustedCertificatesFile {
            configuration.additionalTrustRoots = [.file(additionalTrustedCertificatesFile)]
        }
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsSetupFailed(String(describing: error))
        }
        serverHostname = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// A handler for one connection; call on the channel's event loop.
    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }
}
