import Foundation
import Logging
import MFACore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an operator command works with: the configured store, a service on
/// it, and a logger whose lines, the security events among them, name the operator.
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
        operatorName = Self.operatorName(environment: environment)
        var logger = Logger(label: "mfa-server")
        // Every line of a command is the operator's doing, the security events MFACore records included.
        logger[metadataKey: SecurityLogField.operator] = .string(operatorName)
        self.logger = logger
        opened = try StoreFactory.open(settings.database, deadline: settings.databaseTimeout, logger: logger)
        service = try MFAService(
            configuration: settings.serviceConfiguration(listeningOn: settings.port), store: opened.store,
            keys: SecretKeyFile.load(from: settings.secretKeyFile).keys, links: ServerLinks(),
            passwordHasher: PHCPasswordHasher(scheme: settings.passwordHashing),
            observer: SecurityEventLog(logger: logger)
        )
    }

    /// Logs, as a security line named `action`, what the operator did that
    /// MFACore records no ``MFACore/SecurityEvent`` for.
    func securityEvent(_ action: String, _ metadata: Logger.Metadata = [:]) {
        logger.notice(SecurityLogField.message(for: action), metadata: metadata.merging(SecurityLogField.common(action: action)) { $1 })
    }

    /// The effective user's name, and the invoking user's when run through sudo.
    static func operatorName(environment: [String: String]) -> String {
        let uid = geteuid()
        let user = getpwuid(uid).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid \(uid)"
        guard let invoker = environment["SUDO_USER"], !invoker.isEmpty, invoker != user else { return user }
        return "\(invoker) (sudo as \(user))"
    }
}
