import ArgumentParser

/// `mfa-server rotate-key`: adds a new key to the key file, re-seals every
/// sealed value under it while servers keep running, then drops the old keys.
/// See ``KeyRotation``.
public struct RotateKeyCommand: ParsableCommand {
    /// The subcommand's name and summary for `--help`.
    public static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Replace the secret key; running servers follow the key file, nothing stops.",
        discussion: """
            Writes a new current key to the key file (old keys kept), waits for running servers \
            to read it, re-seals every TOTP secret, queued mail and the hash key under it, then \
            rewrites the key file with the new key alone. Back up the key file afterwards.
            """
    )

    @Option(name: .customLong(ServerSetting.dataDirectory.flag), help: ArgumentHelp(ServerSetting.dataDirectory.help))
    var dataDirectory: String?
    @Option(name: .customLong(ServerSetting.databaseURL.flag), help: ArgumentHelp(ServerSetting.databaseURL.help))
    var databaseURL: String?
    @Option(name: .customLong(ServerSetting.secretKeyFile.flag), help: ArgumentHelp(ServerSetting.secretKeyFile.help))
    var secretKeyFile: String?

    /// Creates the command with no flags set.
    public init() {}

    /// The raw value of the settings it reads: the flag if given, else the environment variable.
    func values(environment: [String: String]) -> [ServerSetting: String] {
        let flags: [ServerSetting: String?] = [.dataDirectory: dataDirectory, .databaseURL: databaseURL, .secretKeyFile: secretKeyFile]
        return flags.compactMapValues { $0 }.merging(flags.keys.compactMap { setting in
            environment[setting.variable].map { (setting, $0) }
        }) { flag, _ in flag }
    }
}
