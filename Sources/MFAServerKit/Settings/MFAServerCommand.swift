import ArgumentParser

/// The `mfa-server` command line: one flag per entry of the settings table
/// (``ServerSetting/allCases``), each defaulting to its environment variable
/// and then to the contract's default.
///
/// swift-argument-parser declares its options as stored properties, one per
/// flag; so that a new setting needs no new property, the flags are collected
/// as they come and read against the table in ``validate()``, and `--help`
/// lists them from the same table.
public struct MFAServerCommand: ParsableCommand {
    /// The command's name, summary and, for `--help`, every flag of the settings table.
    public static let configuration = CommandConfiguration(
        commandName: "mfa-server",
        abstract: "Multi-factor authentication over HTTP: email links, passwords and TOTP.",
        usage: "mfa-server [--<setting> <value> ...]",
        discussion: """
            Every flag has an equivalent environment variable, named in its help; a flag wins \
            over the variable, and an empty variable counts as unset. A malformed setting stops \
            the server with one line naming it and exit status 2.

            OPERATOR COMMANDS (on the configured store, safe while servers run; the same settings apply):
              mfa-server accounts show|unlock|revoke-sessions|delete|list ...
              mfa-server import-prototype PATH [--dry-run]
            See `mfa-server accounts --help` and `mfa-server import-prototype --help`.

            SETTINGS:
            \(ServerSetting.allCases.map(helpLine).joined(separator: "\n"))
            """,
        subcommands: [RotateKeyCommand.self]
    )

    /// The flags as given, read against the settings table by ``validate()``.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []

    /// Creates the command with no flags set.
    public init() {}

    /// Checks that every argument is a flag of the settings table with its value.
    ///
    /// - Throws: A validation error for an unknown flag or a flag without its value.
    public func validate() throws {
        _ = try Self.flags(arguments)
    }

    /// Reads `--flag value`, `--flag=value` and switches such as `--allow-weak-hash`.
    static func flags(_ arguments: [String]) throws(ValidationError) -> [ServerSetting: String] {
        var flags: [ServerSetting: String] = [:]
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard argument.hasPrefix("--"), let setting = Self.settingsByFlag[String(parts[0].dropFirst(2))] else {
                throw ValidationError("Unknown option '\(argument)'")
            }
            if setting.isSwitch {
                guard parts.count == 1 else { throw ValidationError("The flag '--\(setting.flag)' takes no value") }
                flags[setting] = "1"
            } else if parts.count == 2 {
                flags[setting] = String(parts[1])
            } else if let value = remaining.popFirst() {
                flags[setting] = value
            } else {
                throw ValidationError("Missing value for '--\(setting.flag) <value>'")
            }
        }
        return flags
    }

    /// The raw value of every setting: the flag if given, else the environment variable.
    func values(environment: [String: String]) -> [ServerSetting: String] {
        Self.values(arguments, environment: environment)
    }

    /// The raw value of every setting in `arguments` (checked by ``flags(_:)`` already) or else `environment`.
    static func values(_ arguments: [String], environment: [String: String]) -> [ServerSetting: String] {
        let flags = (try? flags(arguments)) ?? [:]
        var values: [ServerSetting: String] = [:]
        for setting in ServerSetting.allCases {
            values[setting] = flags[setting] ?? environment[setting.variable]
        }
        return values
    }

    private static let settingsByFlag = Dictionary(uniqueKeysWithValues: ServerSetting.allCases.map { ($0.flag, $0) })

    /// `  --port <value>   Port to listen on; ... (env: MFA_PORT; default: 8000)`.
    private static func helpLine(_ setting: ServerSetting) -> String {
        let flag = setting.isSwitch ? "--\(setting.flag)" : "--\(setting.flag) <value>"
        return "  \(flag)\n        \(setting.help)"
    }
}
