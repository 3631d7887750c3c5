import Foundation

/// A real program the tests compare MFACore with, such as `oathtool` or the
/// project's Python venv. A missing tool fails the test with the command that
/// installs it, never skips it.
struct ExternalTool {
    /// Why a tool could not be run, phrased as what to do about it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository's root, found from this file's place in `Tests/MFACoreTests/Support/`.
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
                `python3 -m venv .venv && .venv/bin/pip install pyotp` in \(repositoryRoot.path).
                """)
        }
        return ExternalTool(executable: python)
    }

    /// Runs the tool with `arguments`, feeds it `input` on standard input (so
    /// that secrets stay out of the process list) and returns its standard output.
    func run(_ arguments: [String], input: String = "") throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let standardInput = Pipe()
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errors = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: """
                \(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited with \
                \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))
                """)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
