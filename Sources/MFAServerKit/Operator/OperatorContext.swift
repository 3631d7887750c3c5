import Foundation
import Logging
import MFACore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an operator command works with: the configured store, a service on
/// it, and a logger for the security events that name the operator.
struct OperatorContext: Sendable {
    let settings: ServerSettings
    /// The store, usable inside ``OpenedStore/whileRunning(_:)``.
    let opened: OpenedStore
    var store: any MFAStore { opened.store }
    let service: MFAService
    let logger: Logger
    /// Who ran the command: the user on the machine, and through sudo whom.
    let operatorName: String

    /// Reads the settings, opens the store and the key, and builds the service.
    ///
    /// - Throws: ``SettingError`` for a malformed setting; the store's error when it cannot be opened.
    init(settingArguments: [String], environment: [String: String]) throws {
        settings = try ServerSettings(values: MFAServerCommand.values(settingArguments, environment: environment))
        // Notices at least: the security events; the start-up details a server logs would bury a refusal's one line.
        ServerLogging.bootstrap(format: settings.logFormat, level: max(settings.logLevel, .notice), toStandardError: true)
        logger = Logger(label: "mfa-server")
        opened = try StoreFactory.open(settings.database, deadline: settings.databaseTimeout, logger: logger)
        service = try MFAService(
            configuration: settings.serviceConfiguration(listeningOn: settings.port), store: opened.store,
            keys: SecretKeyFile.load(from: settings.secretKeyFile).keys, links: ServerLinks(),
            passwordHasher: PHCPasswordHasher(scheme: settings.passwordHashing)
        )
        operatorName = Self.operatorName(environment: environment)
    }

    /// Logs a security event: what the operator did, naming the operator.
    func securityEvent(_ message: Logger.Message, _ metadata: Logger.Metadata = [:]) {
        logger.notice(message, metadata: metadata.merging(["event": "security", "operator": .string(operatorName)]) { $1 })
    }

    /// The effective user's name, and the invoking user's when run through sudo.
    static func operatorName(environment: [String: String]) -> String {
        let uid = geteuid()
        let user = getpwuid(uid).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid \(uid)"
        guard let invoker = environment["SUDO_USER"], !invoker.isEmpty, invoker != user else { return user }
        return "\(invoker) (sudo as \(user))"
    }
}
