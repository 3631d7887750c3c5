import Foundation
import MFATestSupport

/// One run of an operator command (`mfa-server accounts …`, `import-prototype …`)
/// on a live server's data directory, as an operator would type it beside the server.
struct OperatorRun {
    let status: Int32
    /// Standard output: the command's report.
    let report: String
    /// Standard error: refusals and security events.
    let errors: String

    var reportLines: [String] { report.split(separator: "\n").map(String.init) }
    var errorLines: [String] { errors.split(separator: "\n").map(String.init) }

    /// Runs `mfa-server arguments` with the server's data directory (and so its
    /// database and key), giving it `input` on standard input.
    init(_ arguments: [String], on server: LiveServer, environment extra: [String: String] = [:], input: String = "") throws {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MFA_") }
        environment["MFA_DATA_DIR"] = server.dataDirectory.path
        environment.merge(extra) { $1 }
        let inputFile = FileManager.default.temporaryDirectory.appending(path: "mfa-operator-input-\(UUID().uuidString)")
        try Data(input.utf8).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try LiveServer.executablePath())
        process.arguments = arguments
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let reportData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        status = process.terminationStatus
        report = String(decoding: reportData, as: UTF8.self)
        self.errors = String(decoding: errorData, as: UTF8.self)
    }
}
