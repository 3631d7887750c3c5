import Logging
import MFACore
import MFAMail

/// Everything `mfa-server` is configured with, read and checked at start.
public struct ServerSettings: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 picks a free one.
    public var port = 8000
    /// The base of the links in emails when set; otherwise derived from where the server listens.
    public var explicitPublicURL: String?
    /// Where the default database, key and outbox live.
    public var dataDirectory = "./mfa-data"
    /// The store.
    public var database: DatabaseLocation
    /// How long a database operation may take before its request fails as unavailable.
    public var databaseTimeout = Duration.seconds(5)
    /// The file of the key that seals secrets at rest.
    public var secretKeyFile: String
    /// Where emails go.
    public var mail: MailDestination
    /// The sender of the emails.
    public var mailFrom: Mailbox
    /// The workflow settings; its `publicURL` is replaced by ``publicURL(listeningOn:)`` at start.
    public var service = MFAConfiguration()
    /// How passwords are hashed.
    public var passwordHashing: PasswordHashingScheme = .argon2id(.owaspRecommended)
    /// How long housekeeping keeps finished mail, in seconds.
    public var retention: Double = 86_400
    /// Where the metrics listener binds; `nil` when it is off.
    public var metricsAddress: ListenAddress? = ListenAddress(host: "127.0.0.1", port: 9464)
    /// The reverse proxies whose forwarding headers are believed.
    public var trustedProxies = TrustedProxies()
    /// The timeouts and connection cap of the public listener.
    public var connectionLimits = ConnectionLimits()
    /// The least severe level that is logged.
    public var logLevel: Logger.Level = .info
    /// How log lines are written.
    public var logFormat: LogFormat = .text

    /// The settings with every default of the contract.
    public init() {
        database = .sqlite(path: "./mfa-data/mfa.sqlite")
        secretKeyFile = "./mfa-data/secret.key"
        mail = .directory(path: "./mfa-data/outbox")
        // A valid mailbox by construction.
        mailFrom = try! Mailbox(displayName: "MFA Server", address: "no-reply@localhost")
    }

    /// The base of the links in emails once the server listens on `port`.
    public func publicURL(listeningOn port: Int) -> String {
        if let explicitPublicURL { return explicitPublicURL }
        // An IPv6 literal needs brackets in a URL.
        let authority = host.contains(":") ? "[\(host)]" : host
        return "http://\(authority):\(port)"
    }

    /// The workflow settings once the server listens on `port`.
    public func serviceConfiguration(listeningOn port: Int) -> MFAConfiguration {
        var configuration = service
        configuration.publicURL = publicURL(listeningOn: port)
        return configuration
    }
}
