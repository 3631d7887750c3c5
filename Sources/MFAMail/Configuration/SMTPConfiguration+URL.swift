import Foundation

extension SMTPConfiguration {
    /// Parses `smtp://[user:password@]host[:port][?tls=none|starttls|tls]`.
    ///
    /// - The user name and password are percent-decoded; write `@` as `%40` and `:` as `%3A`.
    /// - Without `tls`, the security is ``TransportSecurity/tls`` for port 465 and
    ///   ``TransportSecurity/startTLS`` for any other port or none.
    /// - Without a port, the security's ``TransportSecurity/defaultPort`` is used.
    /// - IPv6 addresses go in brackets: `smtp://[::1]:25?tls=none`.
    ///
    /// The other settings keep their defaults; set them on the result.
    ///
    /// - Throws: ``SMTPConfigurationError``, whose descriptions never contain the password.
    public init(url: String, sender: Mailbox) throws(SMTPConfigurationError) {
        guard let components = URLComponents(string: url) else { throw .malformedURL }
        guard components.scheme?.lowercased() == "smtp" else { throw .unsupportedScheme }
        guard let host = components.host, !host.isEmpty else { throw .missingHost }
        guard components.path.isEmpty || components.path == "/", components.fragment == nil else {
            throw .unexpectedPathOrFragment
        }
        if let port = components.port, !(1...65_535).contains(port) { throw .invalidPort }

        var security: TransportSecurity?
        for item in components.queryItems ?? [] {
            guard item.name == "tls" else { throw .unknownParameter(item.name) }
            guard security == nil else { throw .repeatedParameter(item.name) }
            guard let value = item.value, let chosen = TransportSecurity(rawValue: value.lowercased()) else {
                throw .invalidTLSMode(item.value ?? "")
            }
            security = chosen
        }
        let resolvedSecurity = security ?? (components.port == 465 ? .tls : .startTLS)

        var credentials: Credentials?
        if components.user != nil || components.password != nil {
            guard let username = components.user, !username.isEmpty, let password = components.password else {
                throw .incompleteCredentials
            }
            credentials = Credentials(username: username, password: password)
        }

        self.init(
            host: host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host,
            port: components.port,
            security: resolvedSecurity,
            credentials: credentials,
            sender: sender
        )
    }
}

/// Why an `smtp://` URL or an ``SMTPConfiguration`` is not usable.
///
/// No case carries the URL itself, so that a password in it cannot reach a log.
public enum SMTPConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a URL (for example an unencoded `@` or `:` in the password).
    case malformedURL
    /// The URL does not start with `smtp://`.
    case unsupportedScheme
    /// The URL names no host.
    case missingHost
    /// The port is outside 1...65535.
    case invalidPort
    /// The URL has a path or a fragment, which mean nothing here.
    case unexpectedPathOrFragment
    /// A query parameter other than `tls`.
    case unknownParameter(String)
    /// A query parameter given twice.
    case repeatedParameter(String)
    /// `tls` is not `none`, `starttls` or `tls`.
    case invalidTLSMode(String)
    /// A user name without a password, or a password without a user name.
    case incompleteCredentials
    /// The EHLO name is not a domain name or address literal.
    case invalidClientHostname
    /// Credentials are set for a connection without TLS, and
    /// ``SMTPConfiguration/allowsCredentialsWithoutEncryption`` is off.
    case credentialsWithoutEncryption
    /// The TLS settings could not be loaded, for example an unreadable CA file.
    case tlsSetupFailed(String)

    /// What is wrong, in words for the operator, without the password.
    public var description: String {
        switch self {
        case .malformedURL:
            "the mail URL is not a valid URL (percent-encode '@', ':' and '/' in the user name and password)"
        case .unsupportedScheme: "the mail URL must start with smtp://"
        case .missingHost: "the mail URL has no host"
        case .invalidPort: "the mail URL's port is not between 1 and 65535"
        case .unexpectedPathOrFragment: "the mail URL must not have a path or a fragment"
        case .unknownParameter(let name): "the mail URL has an unknown parameter '\(name)' (only 'tls' is known)"
        case .repeatedParameter(let name): "the mail URL repeats the parameter '\(name)'"
        case .invalidTLSMode(let value): "the mail URL's tls is '\(value)'; expected none, starttls or tls"
        case .incompleteCredentials: "the mail URL needs both a user name and a password, or neither"
        case .invalidClientHostname: "the EHLO name is not a domain name or an address literal"
        case .credentialsWithoutEncryption:
            "refusing to send SMTP credentials without TLS; use tls=starttls or tls=tls, or allow it explicitly"
        case .tlsSetupFailed(let reason): "the TLS settings could not be loaded: \(reason)"
        }
    }
}
