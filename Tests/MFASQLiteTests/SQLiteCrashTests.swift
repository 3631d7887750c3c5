import Foundation
import GRDB
import MFACore
import MFASQLite
import Testing
import MFATestSupport

@Suite struct SQLiteCrashTests {
    @Test func everyAcknowledgedAccountSurvivesSIGKILL() async throws {
        try await Self.killWriterAndCheck(writers: 1)
    }

    /// Thirty-two writers at once share group commits (and some of their
    /// writes fail inside them): SIGKILL lands during batched writes.
    @Test func everyAcknowledgedAccountOfConcurrentWritersSurvivesSIGKILL() async throws {
        let acknowledged = try await Self.killWriterAndCheck(writers: 32)
        #expect(Set(acknowledged.map { $0.split(separator: "-")[1] }).count == 32, "not every writer got an answer")
    }

    /// Runs the crash writer for two seconds, kills it, and checks that every
    /// account it printed is in the file and the file is sound.
    @discardableResult
    static func killWriterAndCheck(writers: Int) async throws -> [String] {
        let database = TemporaryDatabase()
        defer { database.remove() }
        _ = try database.open()
        let output = database.path + ".acknowledged"
        let writer = try SpawnedProcess(try Self.crashWriterBinary(), [database.path, String(writers)], outputPath: output)
        // Let it write for a while, then kill it without warning.
        try await Task.sleep(for: .seconds(2))
        writer.signal(SIGKILL)
        #expect(try await writer.waitForExit() == -SIGKILL, "the writer stopped before it was killed")
        let acknowledged = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(acknowledged.count > 5, "the writer wrote too little to prove anything")

        let store = try database.open()
        for id in acknowledged {
            #expect(try await store.account(id: id) != nil, "\(id) was acknowledged but is gone")
        }
        let queue = try DatabaseQueue(path: database.path)
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        return acknowledged
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
