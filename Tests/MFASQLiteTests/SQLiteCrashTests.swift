import Foundation
import GRDB
import MFACore
import MFASQLite
import Testing

@Suite struct SQLiteCrashTests {
    @Test func everyAcknowledgedAccountSurvivesSIGKILL() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        _ = try database.open()
        let writer = Process()
        writer.executableURL = try Self.crashWriterBinary()
        writer.arguments = [database.path]
        let output = Pipe()
        writer.standardOutput = output
        try writer.run()
        // Let it write for a while, then kill it without warning.
        try await Task.sleep(for: .seconds(2))
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let acknowledged = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(acknowledged.count > 5, "the writer wrote too little to prove anything")

        let store = try database.open()
        for id in acknowledged {
            #expect(try await store.account(id: id) != nil, "\(id) was acknowledged but is gone")
        }
        let queue = try DatabaseQueue(path: database.path)
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    /// The writer is built with the tests, beside the test bundle.
    static func crashWriterBinary() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("SQLiteCrashWriter")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "SQLiteCrashWriter not found next to \(CommandLine.arguments[0])"])
    }
}
