/// Where and how ``SMTPMailTransport`` delivers mail.
///
/// Usually made from the `MFA_MAIL_URL` setting:
///
/// ```swift
/// let sender = try Mailbox(parsing: "MFA Server <no-reply@example.com>")
/// var configuration = try SMTPConfiguration(url: "smtp://mfa:s3cret@mail.example.com?tls=starttls", sender: sender)
/// configuration.additionalTrustedCertificatesFile = "/etc/mfa/private-ca.pem"
/// ```
public struct SMTPConfiguration: Sendable, Hashable {
    /// The SMTP server's host name or IP address.
    public var host: String
    /// The SMTP server's port.
    public var port: Int
    /// How the connection is encrypted.
    public var security: TransportSecurity
    /// The credentials for SMTP AUTH, if the server wants them.
    ///
    /// Sent with AUTH PLAIN when the server offers it, otherwise AUTH LOGIN; a
    /// server that offers neither fails the delivery. With ``TransportSecurity/startTLS``
    /// they are sent only after the TLS handshake.
    public var credentials: Credentials?
    /// Allows sending ``credentials`` over a connection that is not encrypted.
    ///
    /// `false` by default: ``SMTPMailTransport`` then refuses a configuration with
    /// credentials and ``TransportSecurity/none``, so that a password never crosses
    /// the network in clear text by accident. Turn it on only for a server on the
    /// same host or a network you trust.
    public var allowsCredentialsWithoutEncryption = false
    /// The mailbox in the `From` header and the `MAIL FROM` command.
    public var sender: Mailbox
    /// A PEM file of certificate authorities to trust in addition to the system's,
    /// for servers with certificates from a private CA.
    public var additionalTrustedCertificatesFile: String?
    /// The name this client gives in `EHLO`; `localhost` unless set.
    ///
    /// Public mail servers may score a message lower when this is not the sending
    /// host's fully qualified domain name.
    public var clientHostname = "localhost"
    /// How long to wait for the TCP connection.
    public var connectTimeout: Duration = .seconds(10)
    /// How long to wait for the greeting, for each command's reply and for a TLS handshake.
    public var commandTimeout: Duration = .seconds(30)
    /// How long to wait, after the whole message has been sent, for the server to accept it.
    public var dataTimeout: Duration = .seconds(60)

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - host: The SMTP server's host name or IP address.
    ///   - port: The port; `nil` picks the security's usual port (25, 587 or 465).
    ///   - security: How the connection is encrypted.
    ///   - credentials: The credentials for SMTP AUTH, if any.
    ///   - sender: The mailbox in the `From` header and the `MAIL FROM` command.
    public init(
        host: String,
        port: Int? = nil,
        security: TransportSecurity = .startTLS,
        credentials: Credentials? = nil,
        sender: Mailbox
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.sender = sender
    }
}

extension SMTPConfiguration {
    /// How the connection to the SMTP server is encrypted.
    public enum TransportSecurity: String, Sendable, Hashable, CaseIterable {
        /// Never encrypted. Credentials are refused unless
        /// ``SMTPConfiguration/allowsCredentialsWithoutEncryption`` is set.
        case none
        /// Starts in clear text and upgrades with STARTTLS before anything else is
        /// said; a server that does not offer STARTTLS is refused, so that a
        /// man in the middle cannot downgrade the connection.
        case startTLS = "starttls"
        /// TLS from the first byte (RFC 8314 implicit TLS, usually port 465).
        case tls

        /// The port this security is usually served on: 25, 587 or 465.
        public var defaultPort: Int {
            switch self {
            case .none: 25
            case .startTLS: 587
            case .tls: 465
            }
        }
    }

    /// A user name and password for SMTP AUTH.
    ///
    /// Its descriptions and mirror never show the password.
    public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The user name.
        public var username: String
        /// The password.
        public var password: String

        /// Creates credentials.
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        /// `username:<redacted>`.
        public var description: String { "\(username):<redacted>" }
        /// `username:<redacted>`.
        public var debugDescription: String { description }
        /// The user name and a redacted password, for `dump` and debuggers.
        public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
    }
}
