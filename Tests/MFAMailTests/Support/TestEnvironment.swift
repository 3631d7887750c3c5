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
    static func python() throws -> ExternalTool {
        let python = try ExternalTool.venvPython()
        do {
            _ = try python.run(["-c", "import aiosmtpd"])
        } catch {
            throw TestSetupError("aiosmtpd is not installed in \(python.executable.path); install it with .venv/bin/pip install aiosmtpd (see .ci/run)")
        }
        return python
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
