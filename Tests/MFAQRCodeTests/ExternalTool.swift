import Foundation

/// A command-line program a test runs, looked up on `PATH` so that a missing
/// program fails the test with the package to install.
struct ExternalTool {
    /// Raised when the program is not installed.
    struct Missing: Error, CustomStringConvertible {
        let name: String
        let debianPackage: String

        var description: String {
            "\(name) is not on PATH; install it with `apt-get install -y \(debianPackage)`"
        }
    }

    /// Raised when the program exits with a failure status.
    struct Failed: Error, CustomStringConvertible {
        let name: String
        let status: Int32
        let errorOutput: String

        var description: String { "\(name) exited with status \(status): \(errorOutput)" }
    }

    let name: String
    private let executable: URL

    /// Finds `name` on `PATH`.
    init(_ name: String, debianPackage: String) throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let candidates = directories.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(name: name, debianPackage: debianPackage)
        }
        self.name = name
        self.executable = executable
    }

    /// Runs the program and returns its standard output; a non-zero exit status throws.
    func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(name: name, status: process.terminationStatus, errorOutput: errorText)
        }
        return data
    }
}
