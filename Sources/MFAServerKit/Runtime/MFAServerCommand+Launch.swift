import ArgumentParser
import Foundation
import Logging

extension MFAServerCommand {
    /// Runs `mfa-server`: reads flags and environment, serves until SIGTERM or
    /// SIGINT, and exits; or runs an operator command (``MFAOperatorCommand``).
    ///
    /// Exit status: 0 after a clean stop (and for `--help`), 2 for a malformed
    /// setting, with one line naming it on standard error, 1 when the server
    /// cannot start (one line too when the database cannot be used or its key
    /// file does not open what the database holds) or fails.
    public static func launch(
        arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Never {
        if MFAOperatorCommand.handles(arguments) {
            await MFAOperatorCommand.launch(arguments: arguments, environment: environment)
        }
        let settings: ServerSettings
        // The root command collects every argument as a flag, so the subcommand is picked here.
        let rotatesKey = arguments.first == RotateKeyCommand.configuration.commandName
        do {
            if rotatesKey {
                let rotation = try RotateKeyCommand.parse(Array(arguments.dropFirst()))
                settings = try ServerSettings(values: rotation.values(environment: environment))
            } else {
                settings = try ServerSettings(values: parse(arguments).values(environment: environment))
            }
        } catch let error as SettingError {
            refuse(error.description)
        } catch {
            if rotatesKey {
                if RotateKeyCommand.exitCode(for: error) == .success { RotateKeyCommand.exit(withError: error) }
                refuse(RotateKeyCommand.message(for: error))
            }
            if exitCode(for: error) == .success { exit(withError: error) }
            refuse(message(for: error))
        }

        Observability.bootstrap(format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "mfa-server")
        do {
            if rotatesKey {
                try await ServerRuntime(settings: settings, logger: logger).rotateKey()
            } else {
                try await ServerRuntime(settings: settings, logger: logger).run()
            }
            Foundation.exit(0)
        } catch let error as SettingError {
            refuse(error.description)
        } catch let refusal as StartupRefusal {
            refuse(refusal.description, status: 1)
        } catch {
            logger.critical("The server stopped", metadata: ["error": "\(error)"])
            Foundation.exit(1)
        }
    }

    /// Prints the first line of `message` to standard error and exits with `status`
    /// (2: a malformed setting; 1: a store the server cannot start on).
    private static func refuse(_ message: String, status: Int32 = 2) -> Never {
        let line = message.split(separator: "\n").first.map(String.init) ?? message
        FileHandle.standardError.write(Data("mfa-server: \(line)\n".utf8))
        Foundation.exit(status)
    }
}
