import Foundation
import Logging
import MFACore
import MFAMail

extension ServerSettings {
    /// Reads settings from raw values (flags over environment variables) and
    /// checks them; an absent or empty value takes the default.
    ///
    /// - Throws: ``SettingError`` for the first value that cannot be used.
    public init(values: [ServerSetting: String]) throws(SettingError) {
        self.init()
        let reader = SettingReader(values: values.filter { !$0.value.isEmpty })

        host = reader[.host] ?? host
        port = try reader.integer(.port, in: 0...65_535, problem: "must be a number from 0 to 65535") ?? port
        explicitPublicURL = reader[.publicURL]
        dataDirectory = reader[.dataDirectory] ?? dataDirectory
        database = try DatabaseLocation(url: reader[.databaseURL] ?? "sqlite://\(dataDirectory)/mfa.sqlite")
        databaseTimeout = try reader.integer(
            .databaseTimeout, in: 1...60, problem: "must be a whole number of seconds from 1 to 60"
        ).map { .seconds($0) } ?? databaseTimeout
        secretKeyFile = reader[.secretKeyFile] ?? "\(dataDirectory)/secret.key"
        if let sender = reader[.mailFrom] {
            do {
                mailFrom = try Mailbox(parsing: sender)
            } catch {
                throw SettingError(.mailFrom, error.description)
            }
        }
        mail = try MailDestination(url: reader[.mailURL] ?? "file://\(dataDirectory)/outbox", sender: mailFrom)

        service.issuer = reader[.issuer] ?? service.issuer
        let seconds = "must be a whole number of seconds"
        service.linkLifetime = try reader.integer(.linkLifetime, problem: seconds).map(Double.init) ?? service.linkLifetime
        service.sessionLifetime = try reader.integer(.sessionLifetime, problem: seconds).map(Double.init) ?? service.sessionLifetime
        service.totpAlgorithm = try reader.choice(.totpAlgorithm, from: OTPAlgorithm.allCases, caseInsensitive: true) ?? service.totpAlgorithm
        service.totpDigits = try reader.integer(.totpDigits, problem: "must be 6, 7 or 8") ?? service.totpDigits
        service.totpPeriod = try reader.integer(.totpPeriod, problem: seconds) ?? service.totpPeriod
        service.linksPerAddress = try reader.rate(.linksPerAddress) ?? service.linksPerAddress
        service.linksPerAddressTotal = try reader.rate(.linksPerAddressTotal) ?? service.linksPerAddressTotal
        service.requestsPerClient = try reader.rate(.requestsPerClient) ?? service.requestsPerClient
        service.attemptsPerLink = try reader.integer(.attemptsPerLink, problem: "must be a whole number") ?? service.attemptsPerLink
        if let failures = try reader.rate(.accountFailures) {
            service.lockPolicy.failuresPerLock = failures.count
            service.lockPolicy.firstLock = failures.window
        }
        service.lockPolicy.ceiling = try reader.integer(.failureCeiling, problem: "must be a whole number") ?? service.lockPolicy.ceiling
        service.passkeyRelyingPartyID = reader[.webAuthnRelyingPartyID]
        service.passkeyOrigins = reader[.webAuthnOrigins].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        try Self.check(service, publicURL: publicURL(listeningOn: port))

        let allowWeak = try reader.boolean(.allowWeakHash) ?? false
        if let hash = reader[.passwordHash] {
            do {
                passwordHashing = try PasswordHashingScheme(configuration: hash, allowWeak: allowWeak)
            } catch {
                throw SettingError(.passwordHash, "\(error)")
            }
        }
        retention = try reader.integer(.retention, problem: seconds).map(Double.init) ?? retention
        if let metrics = reader[.metricsAddress] {
            guard metrics == "off" || ListenAddress(parsing: metrics) != nil else {
                throw SettingError(.metricsAddress, "must be host:port (such as 127.0.0.1:9464 or [::1]:9464) or off")
            }
            metricsAddress = ListenAddress(parsing: metrics)
        }
        if let proxies = reader[.trustedProxies] {
            guard let parsed = TrustedProxies(parsing: proxies) else {
                throw SettingError(.trustedProxies, "must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,2001:db8::/32")
            }
            trustedProxies = parsed
        }
        connectionLimits.idleTimeout = try reader.integer(
            .idleTimeout, in: 1...3600, problem: "must be a whole number of seconds from 1 to 3600"
        ) ?? connectionLimits.idleTimeout
        connectionLimits.requestTimeout = try reader.integer(
            .requestTimeout, in: 1...600, problem: "must be a whole number of seconds from 1 to 600"
        ) ?? connectionLimits.requestTimeout
        connectionLimits.maxConnections = try reader.integer(
            .maxConnections, in: 1...1_000_000, problem: "must be a whole number from 1 to 1000000"
        ) ?? connectionLimits.maxConnections
        logLevel = try reader.choice(.logLevel, from: Logger.Level.allCases) ?? logLevel
        logFormat = try reader.choice(.logFormat, from: LogFormat.allCases) ?? logFormat
    }

    /// MFACore's names of the settings the server reads, and the server's.
    private static let settingNames: [String: ServerSetting] = [
        "publicURL": .publicURL, "issuer": .issuer,
        "linkLifetime": .linkLifetime, "sessionLifetime": .sessionLifetime,
        "totpDigits": .totpDigits, "totpPeriod": .totpPeriod,
        "linksPerAddress": .linksPerAddress, "linksPerAddressTotal": .linksPerAddressTotal, "requestsPerClient": .requestsPerClient,
        "attemptsPerLink": .attemptsPerLink,
        "lockPolicy.failuresPerLock": .accountFailures, "lockPolicy.firstLock": .accountFailures,
        "lockPolicy.maxLock": .accountFailures, "lockPolicy.ceiling": .failureCeiling,
        "passkeyRelyingPartyID": .webAuthnRelyingPartyID, "passkeyOrigins": .webAuthnOrigins,
    ]

    /// Runs MFACore's own checks and names the failing setting as the server spells it.
    private static func check(_ configuration: MFAConfiguration, publicURL: String) throws(SettingError) {
        var configuration = configuration
        configuration.publicURL = publicURL
        do {
            try configuration.validate()
        } catch {
            guard let setting = settingNames[error.setting] else {
                preconditionFailure("MFACore refused a setting the server never changes: \(error)")
            }
            throw SettingError(setting, error.problem)
        }
    }
}

/// Typed access to raw setting values, each failure naming its setting.
private struct SettingReader {
    let values: [ServerSetting: String]

    subscript(setting: ServerSetting) -> String? { values[setting] }

    func integer(_ setting: ServerSetting, in range: ClosedRange<Int> = 0...Int.max, problem: String) throws(SettingError) -> Int? {
        guard let text = values[setting] else { return nil }
        guard let value = Int(text), range.contains(value) else { throw SettingError(setting, problem) }
        return value
    }

    /// Reads `count/seconds`, both positive whole numbers.
    func rate(_ setting: ServerSetting) throws(SettingError) -> RateLimit? {
        guard let text = values[setting] else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), let seconds = Int(parts[1]), count >= 1, seconds >= 1 else {
            throw SettingError(setting, "must be count/seconds with both at least 1, such as \(setting.defaultDescription)")
        }
        return RateLimit(count: count, window: Double(seconds))
    }

    func boolean(_ setting: ServerSetting) throws(SettingError) -> Bool? {
        guard let text = values[setting] else { return nil }
        switch text.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw SettingError(setting, "must be 1 or 0")
        }
    }

    func choice<Choice: RawRepresentable>(
        _ setting: ServerSetting, from choices: [Choice], caseInsensitive: Bool = false
    ) throws(SettingError) -> Choice? where Choice.RawValue == String {
        guard let text = values[setting] else { return nil }
        let match = choices.first { caseInsensitive ? $0.rawValue.lowercased() == text.lowercased() : $0.rawValue == text }
        guard let match else {
            throw SettingError(setting, "must be one of \(choices.map(\.rawValue).joined(separator: ", "))")
        }
        return match
    }
}
