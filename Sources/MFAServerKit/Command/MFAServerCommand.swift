import ArgumentParser

/// The `mfa-server` command line: one flag per setting, each defaulting to
/// its environment variable and then to the contract's default.
public struct MFAServerCommand: ParsableCommand {
    /// The command's name and summary for `--help`.
    public static let configuration = CommandConfiguration(
        commandName: "mfa-server",
        abstract: "Multi-factor authentication over HTTP: email links, passwords and TOTP.",
        discussion: """
            Every flag has an equivalent environment variable, named in its help; a flag wins \
            over the variable, and an empty variable counts as unset. A malformed setting stops \
            the server with one line naming it and exit status 2.
            """,
        subcommands: [RotateKeyCommand.self]
    )

    @Option(name: .customLong(ServerSetting.host.flag), help: ArgumentHelp(ServerSetting.host.help))
    var host: String?
    @Option(name: .customLong(ServerSetting.port.flag), help: ArgumentHelp(ServerSetting.port.help))
    var port: String?
    @Option(name: .customLong(ServerSetting.publicURL.flag), help: ArgumentHelp(ServerSetting.publicURL.help))
    var publicURL: String?
    @Option(name: .customLong(ServerSetting.dataDirectory.flag), help: ArgumentHelp(ServerSetting.dataDirectory.help))
    var dataDirectory: String?
    @Option(name: .customLong(ServerSetting.databaseURL.flag), help: ArgumentHelp(ServerSetting.databaseURL.help))
    var databaseURL: String?
    @Option(name: .customLong(ServerSetting.secretKeyFile.flag), help: ArgumentHelp(ServerSetting.secretKeyFile.help))
    var secretKeyFile: String?
    @Option(name: .customLong(ServerSetting.mailURL.flag), help: ArgumentHelp(ServerSetting.mailURL.help))
    var mailURL: String?
    @Option(name: .customLong(ServerSetting.mailFrom.flag), help: ArgumentHelp(ServerSetting.mailFrom.help))
    var mailFrom: String?
    @Option(name: .customLong(ServerSetting.issuer.flag), help: ArgumentHelp(ServerSetting.issuer.help))
    var issuer: String?
    @Option(name: .customLong(ServerSetting.linkLifetime.flag), help: ArgumentHelp(ServerSetting.linkLifetime.help))
    var linkLifetime: String?
    @Option(name: .customLong(ServerSetting.sessionLifetime.flag), help: ArgumentHelp(ServerSetting.sessionLifetime.help))
    var sessionLifetime: String?
    @Option(name: .customLong(ServerSetting.totpAlgorithm.flag), help: ArgumentHelp(ServerSetting.totpAlgorithm.help))
    var totpAlgorithm: String?
    @Option(name: .customLong(ServerSetting.totpDigits.flag), help: ArgumentHelp(ServerSetting.totpDigits.help))
    var totpDigits: String?
    @Option(name: .customLong(ServerSetting.totpPeriod.flag), help: ArgumentHelp(ServerSetting.totpPeriod.help))
    var totpPeriod: String?
    @Option(name: .customLong(ServerSetting.linksPerAddress.flag), help: ArgumentHelp(ServerSetting.linksPerAddress.help))
    var linksPerAddress: String?
    @Option(name: .customLong(ServerSetting.requestsPerClient.flag), help: ArgumentHelp(ServerSetting.requestsPerClient.help))
    var requestsPerClient: String?
    @Option(name: .customLong(ServerSetting.attemptsPerLink.flag), help: ArgumentHelp(ServerSetting.attemptsPerLink.help))
    var attemptsPerLink: String?
    @Option(name: .customLong(ServerSetting.accountFailures.flag), help: ArgumentHelp(ServerSetting.accountFailures.help))
    var accountFailures: String?
    @Option(name: .customLong(ServerSetting.passwordHash.flag), help: ArgumentHelp(ServerSetting.passwordHash.help))
    var passwordHash: String?
    @Flag(name: .customLong(ServerSetting.allowWeakHash.flag), help: ArgumentHelp(ServerSetting.allowWeakHash.help))
    var allowWeakHash = false
    @Option(name: .customLong(ServerSetting.logLevel.flag), help: ArgumentHelp(ServerSetting.logLevel.help))
    var logLevel: String?
    @Option(name: .customLong(ServerSetting.logFormat.flag), help: ArgumentHelp(ServerSetting.logFormat.help))
    var logFormat: String?

    /// Creates the command with no flags set.
    public init() {}

    /// The raw value of every setting: the flag if given, else the environment variable.
    func values(environment: [String: String]) -> [ServerSetting: String] {
        var values: [ServerSetting: String] = [:]
        for setting in ServerSetting.allCases {
            values[setting] = flag(for: setting) ?? environment[setting.variable]
        }
        return values
    }

    private func flag(for setting: ServerSetting) -> String? {
        switch setting {
        case .host: host
        case .port: port
        case .publicURL: publicURL
        case .dataDirectory: dataDirectory
        case .databaseURL: databaseURL
        case .secretKeyFile: secretKeyFile
        case .mailURL: mailURL
        case .mailFrom: mailFrom
        case .issuer: issuer
        case .linkLifetime: linkLifetime
        case .sessionLifetime: sessionLifetime
        case .totpAlgorithm: totpAlgorithm
        case .totpDigits: totpDigits
        case .totpPeriod: totpPeriod
        case .linksPerAddress: linksPerAddress
        case .requestsPerClient: requestsPerClient
        case .attemptsPerLink: attemptsPerLink
        case .accountFailures: accountFailures
        case .passwordHash: passwordHash
        case .allowWeakHash: allowWeakHash ? "1" : nil
        case .logLevel: logLevel
        case .logFormat: logFormat
        }
    }
}
