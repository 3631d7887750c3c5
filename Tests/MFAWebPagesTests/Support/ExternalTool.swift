import Foundation

/// A real program the page tests rely on: the repository's Python venv, librsvg and
/// ZBar. A missing tool fails the test with the command that installs it, never skips it.
struct ExternalTool {
    /// Why a tool could not be run, phrased as what to do about it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository's root, found from this file's place in `Tests/MFAWebPagesTests/Support/`.
    static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let executable: URL

    /// A program on `PATH`; `installation` tells how to get it.
    static func onPath(_ name: String, installation: String) throws -> ExternalTool {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        let candidates = directories.map { URL(filePath: String($0)).appending(path: name) }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(name) is not installed; install it with `\(installation)`.")
        }
        return ExternalTool(executable: executable)
    }

    /// The Python of the repository's `.venv`, which `.ci/run` creates.
    static func venvPython() throws -> ExternalTool {
        let python = repositoryRoot.appending(path: ".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: """
                \(python.path) is missing; create it with \
                `python3 -m venv .venv && .venv/bin/pip install openapi-spec-validator pyotp` in \(repositoryRoot.path).
                """)
        }
        return ExternalTool(executable: python)
    }

    /// Runs the tool with `arguments`, gives it `input` on standard input and returns its standard output.
    ///
    /// The input comes from a temporary file rather than a pipe, so a tool that
    /// exits without reading it cannot kill the test process with `SIGPIPE`.
    func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let inputFile = FileManager.default.temporaryDirectory.appending(path: "MFAWebPagesTests-\(UUID().uuidString)")
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
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: """
                \(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited with \
                \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))
                """)
        }
        return output
    }
}
