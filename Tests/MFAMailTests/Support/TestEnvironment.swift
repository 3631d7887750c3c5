import Foundation
import MFATestSupport

/// Paths and tools the tests need, failing with instructions when one is missing.
enum TestEnvironment {
    /// The package root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let serverScript = repositoryRoot.appendingPathComponent("Tests/MFAMailTests/Fixtures/smtp-test-server.py").path

    /// The venv's Python with aiosmtpd, or a test failure that says how to install it.
    static func python() throws -> String {
        let python = repositoryRoot.appendingPathComponent(".venv/bin/python3").path
        let hint = "create it with: python3 -m venv .venv && .venv/bin/pip install aiosmtpd (see .ci/run)"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw TestSetupError("no Python venv at \(python); \(hint)")
        }
        let check = try run(python, ["-c", "import aiosmtpd"])
        guard check.status == 0 else { throw TestSetupError("aiosmtpd is not installed in \(python); \(hint)") }
        return python
    }

    /// Runs `executable` to completion and returns its exit status and combined output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mfamail-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process: SpawnedProcess
        do {
            process = try SpawnedProcess(URL(fileURLWithPath: executable), arguments, outputPath: output.path, errorPath: nil)
        } catch {
            throw TestSetupError("cannot run \(executable): \(error)")
        }
        let status = process.exitStatus(waiting: true) ?? -1
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    /// A new empty directory that `body` may fill; removed afterwards.
    static func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mfamail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }
}

/// A test cannot run because something it needs is missing; the message says what to install.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
