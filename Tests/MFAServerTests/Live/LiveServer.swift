import Foundation
import MFATestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `mfa-server` binary, started on a free port with a temporary data directory.
final class LiveServer: Sendable {
    let process: SpawnedProcess
    let dataDirectory: TemporaryDirectory
    /// The base URL it listens on, read from its log.
    let baseURL: String
    private let output: ProcessOutput

    /// Starts the server and waits until it logs where it listens.
    ///
    /// Password hashing is made cheap unless `environment` says otherwise; the
    /// log is JSON lines at debug level, so that every line can be searched.
    init(environment extra: [String: String] = [:]) async throws {
        dataDirectory = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MFA_") }
        environment.merge([
            "MFA_PORT": "0",
            "MFA_DATA_DIR": dataDirectory.path,
            "MFA_PASSWORD_HASH": "argon2id:m=256,t=1,p=1",
            "MFA_ALLOW_WEAK_HASH": "1",
            "MFA_LOG_FORMAT": "json",
            "MFA_LOG_LEVEL": "debug",
            // Live servers run side by side; each lets its metrics listener pick a free port.
            "MFA_METRICS_ADDRESS": "127.0.0.1:0",
        ]) { $1 }
        environment.merge(extra) { $1 }

        let (process, output) = try Self.start(arguments: [], environment: environment)
        self.process = process
        self.output = output
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if let port = output.lines.lazy.compactMap({ Self.port(of: $0, message: "Listening") }).first {
                let host = environment["MFA_HOST"] ?? "127.0.0.1"
                baseURL = host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
                return
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                process.signal(SIGKILL)
                throw TestFailure("mfa-server did not start:\n\(output.text)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The base URL of the metrics listener, once it logs where it listens.
    func metricsURL() async throws -> String {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let port = output.lines.lazy.compactMap({ Self.port(of: $0, message: "Metrics listening") }).first {
                return "http://127.0.0.1:\(port)"
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the metrics listener logged no port:\n\(log)")
    }

    /// Everything the server wrote to standard output and standard error.
    var log: String { output.text }

    /// The outbox, where the server writes each email as a `.eml` file.
    var outbox: String { dataDirectory.path + "/outbox" }

    /// Sends SIGTERM and waits up to `timeout` for the process to exit.
    ///
    /// - Returns: the exit status, or `nil` if the process is still running.
    func terminate(within timeout: Duration) async throws -> Int32? {
        process.signal(SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = process.exitStatus(waiting: false) { return status }
            if ContinuousClock.now > deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Starts the binary with `arguments` and (only) `environment`, its output and errors into one file.
    static func start(arguments: [String], environment: [String: String]) throws -> (SpawnedProcess, ProcessOutput) {
        let output = try ProcessOutput()
        let process = try SpawnedProcess(
            URL(fileURLWithPath: try executablePath()), arguments, environment: environment, outputPath: output.path, errorPath: nil
        )
        return (process, output)
    }

    /// The `mfa-server` built with the tests: beside the test bundle, or a
    /// directory or two above it.
    static func executablePath() throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("mfa-server").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw TestFailure("mfa-server was not found near \(CommandLine.arguments[0]); build it with `swift build --build-tests`")
    }

    /// The port of a log line with `message` and an `address`, if `line` is one, in JSON or text.
    private static func port(of line: String, message: String) -> Int? {
        let address: String
        if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            guard object["message"] as? String == message, let value = object["address"] as? String else { return nil }
            address = value
        } else {
            guard line.hasSuffix(" \(message)"), let range = line.range(of: "address=") else { return nil }
            address = String(line[range.upperBound...].prefix { $0 != " " })
        }
        return address.split(separator: ":").last.flatMap { Int($0) }
    }
}

/// A process's output and errors, in a file of a directory of its own that goes with it.
final class ProcessOutput: Sendable {
    private let directory: TemporaryDirectory
    /// The file the process writes to.
    var path: String { directory.path + "/output" }

    init() throws { directory = try TemporaryDirectory() }

    /// Everything written so far.
    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    var lines: [String] { text.split(separator: "\n").map(String.init) }
}
