import Foundation

/// A real program the tests use as a peer: `oathtool`, `argon2`, `zbarimg`,
/// `rsvg-convert`, or the repository's Python venv. A missing tool fails the
/// test with the command that installs it, never skips it.
public struct ExternalTool: Sendable {
    /// Why a tool could not be run, phrased as what to do about it.
    public struct Failure: Error, CustomStringConvertible {
        /// The whole message.
        public let description: String
        /// The tool's exit status, when it ran and failed.
        public let status: Int32?
    }

    /// The repository's root, found from this file's place in `Tests/TestSupport/`.
    public static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The program's path.
    public let executable: URL

    /// A program on `PATH`; `installation` tells how to get it.
    public static func onPath(_ name: String, installation: String) throws -> ExternalTool {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let candidates = directories.map { URL(filePath: String($0)).appending(path: name) }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(name) is not installed; install it with `\(installation)`.", status: nil)
        }
        return ExternalTool(executable: executable)
    }

    /// The Python of the repository's `.venv`, which `.ci/run` creates.
    public static func venvPython() throws -> ExternalTool {
        let python = repositoryRoot.appending(path: ".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: """
                \(python.path) is missing; create it with `python3 -m venv .venv && \
                .venv/bin/pip install pyotp openapi-spec-validator aiosmtpd passlib==1.7.4 bcrypt==4.0.1 fido2==2.2.1` in \(repositoryRoot.path).
                """, status: nil)
        }
        return ExternalTool(executable: python)
    }

    /// Runs the tool with `arguments`, gives it `input` on standard input (so
    /// that secrets stay out of the process list) and returns its standard output.
    ///
    /// The input comes from a temporary file rather than a pipe, so a tool that
    /// exits without reading it cannot kill the test process with `SIGPIPE`; the
    /// output goes to files too, so a tool that writes much cannot block on a pipe.
    public func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let files = FileManager.default.temporaryDirectory.appending(path: "mfa-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: files) }
        let (inputFile, outputFile, errorFile) = (files.appending(path: "input"), files.appending(path: "output"), files.appending(path: "errors"))
        try input.write(to: inputFile)
        // posix_spawn rather than Foundation's Process, which crashes now and then (see SpawnedProcess).
        let process = try SpawnedProcess(
            executable, arguments, inputPath: inputFile.path, outputPath: outputFile.path, errorPath: errorFile.path
        )
        let status = process.exitStatus(waiting: true) ?? -1
        guard status == 0 else {
            throw Failure(description: """
                \(executable.lastPathComponent) exited with \(status): \
                \((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
                """, status: status)
        }
        return try Data(contentsOf: outputFile)
    }

    /// Runs the tool with text in and text out.
    public func run(_ arguments: [String], input: String) throws -> String {
        String(decoding: try run(arguments, input: Data(input.utf8)), as: UTF8.self)
    }
}
