import ArgumentParser
import Foundation
import MFACore

/// `mfa-server accounts …`, `mfa-server import-prototype …` and `mfa-server migrate-store …`: the operator's
/// commands, run on the server's machine against the configured store (migrate-store:
/// against the two databases it names), safe while servers run on it (every store
/// operation is atomic).
///
/// They read the same settings as the server, from flags after the command's
/// own arguments or from the environment. Exit status: 0 on success, 1 for a
/// refusal (one line on standard error: an unknown address, an unreadable
/// file), 2 for a malformed setting. Every command logs a security event
/// naming the operator (on standard error; standard output is the report).
public struct MFAOperatorCommand: ParsableCommand {
    /// The operator commands, listed by `mfa-server accounts --help` and the like.
    public static let configuration = CommandConfiguration(
        commandName: "mfa-server",
        abstract: "Operator commands on the configured store.",
        subcommands: [AccountsCommand.self, ImportPrototypeCommand.self, MigrateStoreCommand.self]
    )

    /// Creates the command.
    public init() {}

    /// Whether `arguments` start with an operator command rather than server flags.
    static func handles(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return configuration.subcommands.contains { $0.configuration.commandName == first }
    }

    /// Parses and runs an operator command, then exits.
    static func launch(arguments: [String], environment: [String: String]) async -> Never {
        let command: any OperatorSubcommand
        do {
            let parsed = try parseAsRoot(arguments)
            if let standalone = parsed as? any StandaloneOperatorCommand { await run(standalone, environment: environment) }
            guard let subcommand = parsed as? any OperatorSubcommand else {
                // `mfa-server accounts` alone, or `help`: their own run() prints the help.
                var other = parsed
                try other.run()
                Foundation.exit(0)
            }
            command = subcommand
        } catch {
            exit(withError: error)
        }
        let context: OperatorContext
        do {
            context = try OperatorContext(settingArguments: command.settings.arguments, environment: environment)
        } catch let error as SettingError {
            refuse(error.description, status: 2)
        } catch {
            refuse("cannot open the store: \(error)", status: 1)
        }
        do {
            try await context.opened.whileRunning { try await command.run(in: context) }
            Foundation.exit(0)
        } catch let refusal as OperatorRefusal {
            refuse(refusal.message, status: 1)
        } catch let error as MFAStoreError {
            refuse(StartupRefusal(opening: context.settings.database, error).description, status: 1)
        } catch {
            refuse("\(error)", status: 1)
        }
    }

    /// Runs a command that names its databases itself, then exits.
    private static func run(_ command: any StandaloneOperatorCommand, environment: [String: String]) async -> Never {
        ServerLogging.bootstrap(format: .text, level: .notice, toStandardError: true)
        do {
            try await command.run(environment: environment)
            Foundation.exit(0)
        } catch let refusal as OperatorRefusal {
            refuse(refusal.message, status: 1)
        } catch MFAStoreError.unavailable(let reason) {
            refuse("cannot use the database: \(reason)", status: 1)
        } catch {
            refuse("\(error)", status: 1)
        }
    }

    /// Prints `mfa-server: <message>` on standard error and exits with `status`.
    private static func refuse(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("mfa-server: \(message)\n".utf8))
        Foundation.exit(status)
    }
}

/// An operator command that runs with the store and service the settings name.
protocol OperatorSubcommand: ParsableCommand {
    /// The settings flags given after the command's own arguments.
    var settings: SettingFlags { get }

    /// Does the command's work, printing its report on standard output.
    ///
    /// - Throws: ``OperatorRefusal`` for what the operator must fix (exit 1).
    func run(in context: OperatorContext) async throws
}

/// An operator command that opens the databases it names itself, not the configured store.
protocol StandaloneOperatorCommand: ParsableCommand {
    /// Does the command's work, printing its report on standard output.
    ///
    /// - Throws: ``OperatorRefusal`` for what the operator must fix (exit 1).
    func run(environment: [String: String]) async throws
}

/// A refusal worth one line to the operator, such as an unknown address.
struct OperatorRefusal: Error {
    var message: String
}

/// The settings flags (`--database-url …`, `--secret-key-file …`) of an operator command.
struct SettingFlags: ParsableArguments {
    /// The flags as given, read against the settings table.
    @Argument(parsing: .allUnrecognized, help: .init("Any server setting, e.g. --database-url sqlite:///var/lib/mfa/mfa.sqlite."))
    var arguments: [String] = []

    func validate() throws {
        _ = try MFAServerCommand.flags(arguments)
    }
}
