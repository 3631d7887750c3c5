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
    /// exits without reading it cannot kill the test process with `SIGPIPE`.
    public func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let inputFile = FileManager.default.temporaryDirectory.appending(path: "mfa-tool-input-\(UUID().uuidString)")
        try input.write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let standardOutput = Pipe(), standardError = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errors = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: """
                \(executable.lastPathComponent) exited with \(process.terminationStatus): \
                \(String(decoding: errors, as: UTF8.self))
                """, status: process.terminationStatus)
        }
        return output
    }

    /// Runs the tool with text in and text out.
    public func run(_ arguments: [String], input: String) throws -> String {
        String(decoding: try run(arguments, input: Data(input.utf8)), as: UTF8.self)
    }
}
