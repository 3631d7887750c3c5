import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import MFACore
import ServiceLifecycle

/// The running server: store, mail worker, housekeeping, HTTP and the metrics listener, from ``ServerSettings``.
public struct ServerRuntime: Sendable {
    /// How long a graceful shutdown may drain requests before they are cancelled.
    static let drainTime = Duration.seconds(8)

    let settings: ServerSettings
    let logger: Logger

    /// Creates a server for `settings`, logging to `logger`.
    public init(settings: ServerSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Opens the store, starts the outbox worker and serves HTTP until
    /// SIGTERM or SIGINT, then stops accepting, drains requests and returns.
    ///
    /// - Throws: ``SettingError`` for a key file or mail setting that cannot be
    ///   used, and the store's error when the database cannot be opened.
    public func run() async throws {
        let keys = try watchKeyFile()
        if let openFiles = FileDescriptorLimit.raise() {
            logger.debug("Open file limit", metadata: ["limit": .stringConvertible(openFiles)])
        }
        let opened = try StoreFactory.open(settings.database, deadline: settings.databaseTimeout, logger: logger)
        let store = opened.store
        let observer = MFAEventObservers([MetricsEventObserver(), SecurityEventLog(logger: logger)])
        let transport = try MailTransports.make(for: settings.mail, sender: settings.mailFrom, logger: logger)
        let logger = logger
        let worker = MailDeliveryWorker(
            store: store, transport: transport, keys: keys, observer: observer,
            onFailure: { reason in logger.warning("Mail delivery failed", metadata: ["reason": .string(reason)]) }
        )
        let housekeeping = HousekeepingService(store: store, retention: settings.retention, logger: logger)
        let responder = LateResponder()
        let settings = settings
        let passwordHasher = PHCPasswordHasher(scheme: settings.passwordHashing)
        let application = Application(
            responder: responder,
            server: .http1(limits: settings.connectionLimits),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(settings.connectionLimits.maxConnections, logger: logger)
            ),
            services: [MailDeliveryService(worker: worker, logger: logger), housekeeping],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                do {
                    let service = try MFAService(
                        configuration: settings.serviceConfiguration(listeningOn: port), store: store,
                        keys: keys, links: ServerLinks(), passwordHasher: passwordHasher, observer: observer
                    )
                    responder.install(MFARouter.build(service: service, trustedProxies: settings.trustedProxies).buildResponder())
                    await Self.prepare(service, logger: logger)
                    if !service.passkeysAvailable {
                        logger.notice("Passkeys are off: the public URL's host is an IP address, which browsers refuse as relying party id; set MFA_WEBAUTHN_RP_ID and MFA_WEBAUTHN_ORIGINS, or a public URL on a name such as http://localhost:8000")
                    }
                    logger.info("Listening", metadata: [
                        "address": .string("\(settings.host):\(port)"),
                        "public_url": .string(settings.publicURL(listeningOn: port)),
                    ])
                } catch {
                    // The settings were checked at start with the same values, so this does not happen.
                    logger.critical("Cannot start the service; every request will be answered 503", metadata: ["error": "\(error)"])
                }
            },
            logger: logger
        )
        // The store's own service (PostgreSQL's pool) first: a ServiceGroup stops services in
        // reverse order, so the pool outlives the requests and the mail worker that drain.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = opened.service.map { [.init(service: $0)] } ?? []
        let check = try startupCheckService(store: store, keys: keys, passwordHasher: passwordHasher)
        services.append(.init(service: PreparedService(prepare: { [settings] in
            do {
                try await opened.prepare()
                guard try await check.keysOpenStoredHashKey() else {
                    throw StartupRefusal.keyMismatch(keyFile: settings.secretKeyFile, location: settings.database)
                }
            } catch {
                throw StartupRefusal(opening: settings.database, error)
            }
        }, service: application)))
        if let metricsAddress = settings.metricsAddress {
            services.append(.init(service: MetricsListener.application(address: metricsAddress, registry: ServerMetrics.registry, logger: logger)))
        }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.drainTime
        try await ServiceGroup(configuration: configuration).run()
        logger.info("Stopped")
    }

    /// A service on the store for the checks before the server listens (its
    /// public URL is not known yet when the port is 0; the checks need none).
    private func startupCheckService(store: any MFAStore, keys: KeyFileWatcher, passwordHasher: PHCPasswordHasher) throws -> MFAService {
        try MFAService(
            configuration: settings.serviceConfiguration(listeningOn: settings.port), store: store,
            keys: keys, links: ServerLinks(), passwordHasher: passwordHasher
        )
    }

    /// Loads the hash key and re-seals what older keys sealed; a failure here
    /// is logged, and the service loads the hash key on first use instead.
    private static func prepare(_ service: MFAService, logger: Logger) async {
        do {
            let report = try await service.prepare()
            guard !report.foundNothing else { return }
            logger.notice("Values sealed under older keys re-sealed", metadata: [
                "resealed": "\(report.resealed)", "unopenable": "\(report.unopenable)",
            ])
        } catch {
            logger.error("Cannot prepare the store at start", metadata: ["error": "\(error)"])
        }
    }

    /// Reads the key file, and watches it for `mfa-server rotate-key`.
    private func watchKeyFile() throws(SettingError) -> KeyFileWatcher {
        let logger = logger
        let path = settings.secretKeyFile
        return KeyFileWatcher(path: path, ring: try loadKeys()) { outcome in
            switch outcome {
            case .success(let ring):
                logger.notice("Key file read again", metadata: ["path": .string(path), "keys": "\(ring.keys.count)"])
            case .failure(let error):
                logger.error("Key file changed but cannot be read; the keys read before stay in use", metadata: ["error": "\(error)"])
            }
        }
    }

    private func loadKeys() throws(SettingError) -> KeyRing {
        switch try SecretKeyFile.load(from: settings.secretKeyFile) {
        case .loaded(let key):
            logger.info("Secret key read", metadata: ["path": .string(settings.secretKeyFile)])
            let mode = (try? FileManager.default.attributesOfItem(atPath: settings.secretKeyFile)[.posixPermissions]) as? Int ?? 0
            if mode & 0o077 != 0 {
                logger.warning("The secret key file can be read by other users; chmod 600 it", metadata: [
                    "path": .string(settings.secretKeyFile),
                ])
            }
            return key
        case .created(let key):
            logger.notice("Secret key created; back it up, it cannot be recovered", metadata: ["path": .string(settings.secretKeyFile)])
            return key
        }
    }

    /// Runs `mfa-server rotate-key` on the configured key file and database.
    public func rotateKey() async throws {
        let opened = try StoreFactory.open(settings.database, deadline: settings.databaseTimeout, logger: logger)
        try await opened.whileRunning { [settings, logger] in
            _ = try await KeyRotation(keyFile: settings.secretKeyFile, store: opened.store, logger: logger).run()
        }
    }
}
