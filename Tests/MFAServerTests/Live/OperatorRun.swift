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
        try self.init(arguments, dataDirectory: server.dataDirectory.path, environment: extra, input: input)
    }

    /// Runs `mfa-server arguments` with `dataDirectory` as its data directory.
    init(_ arguments: [String], dataDirectory: String, environment extra: [String: String] = [:], input: String = "") throws {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MFA_") }
        environment["MFA_DATA_DIR"] = dataDirectory
        environment.merge(extra) { $1 }
        let files = try ProcessOutput()
        let (inputFile, errorFile) = (files.path + ".input", files.path + ".errors")
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputFile))
        let process = try SpawnedProcess(
            URL(fileURLWithPath: try LiveServer.executablePath()), arguments, environment: environment,
            inputPath: inputFile, outputPath: files.path, errorPath: errorFile
        )
        status = process.exitStatus(waiting: true) ?? -1
        report = files.text
        errors = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    }
}
