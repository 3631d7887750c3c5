import Foundation
import GRDB
@testable import MFASQLite
import Synchronization
import Testing

@Suite struct GroupCommitWriterTests {
    struct Refused: Error {}

    /// A pool with one table, a group commit writer on it, and a count of its commits.
    struct Setup {
        let database = TemporaryDatabase()
        let pool: DatabasePool
        let writer: GroupCommitWriter
        let observer = CommitCounter()

        init() throws {
            try FileManager.default.createDirectory(at: database.directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: database.directory.appendingPathComponent("group.sqlite").path)
            try pool.write { db in try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY)") }
            pool.add(transactionObserver: observer, extent: .databaseLifetime)
            writer = GroupCommitWriter(pool)
        }

        func items() throws -> [Int] { try pool.read { db in try Int.fetchAll(db, sql: "SELECT id FROM item ORDER BY id") } }

        /// Runs `writes` while the writer is busy, so that they all queue
        /// behind it and form one group, and returns each one's outcome.
        func whileTheWriterIsBusy(_ writes: [@Sendable (GroupCommitWriter) async throws -> Void]) async throws -> [Bool] {
            let release = DispatchSemaphore(value: 0)
            pool.asyncWriteWithoutTransaction { _ in release.wait() }
            let started = Tally()
            return try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for (index, write) in writes.enumerated() {
                    group.addTask {
                        started.add()
                        do {
                            try await write(writer)
                            return (index, true)
                        } catch is Refused {
                            return (index, false)
                        }
                    }
                }
                while started.value < writes.count { try await Task.sleep(for: .milliseconds(5)) }
                // Each task is now at most a few instructions from queueing its write.
                try await Task.sleep(for: .milliseconds(100))
                release.signal()
                var outcomes = [Bool](repeating: false, count: writes.count)
                for try await (index, succeeded) in group { outcomes[index] = succeeded }
                return outcomes
            }
        }
    }

    final class Tally: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func add() { count.withLock { $0 += 1 } }
    }

    final class CommitCounter: TransactionObserver, Sendable {
        let commits = Tally()
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits.add() }
        func databaseDidRollback(_ db: Database) {}
    }

    @Test func writesQueuedDuringACommitShareOneTransaction() async throws {
        let setup = try Setup()
        defer { setup.database.remove() }
        let before = setup.observer.commits.value
        let writes: [@Sendable (GroupCommitWriter) async throws -> Void] = (1...40).map { (id: Int) in
            { writer in try await writer.write { db in try db.execute(sql: "INSERT INTO item (id) VALUES (?)", arguments: [id]) } }
        }
        let outcomes = try await setup.whileTheWriterIsBusy(writes)
        #expect(outcomes.allSatisfy { $0 })
        #expect(try setup.items() == Array(1...40))
        #expect(setup.observer.commits.value - before == 1)
    }

    @Test func aFailingWriteRollsBackOnlyItsOwnEffectsAndFailsOnlyItsCaller() async throws {
        let setup = try Setup()
        defer { setup.database.remove() }
        let before = setup.observer.commits.value
        let writes: [@Sendable (GroupCommitWriter) async throws -> Void] = (1...9).map { (id: Int) in
            { writer in
                try await writer.write { db in
                    try db.execute(sql: "INSERT INTO item (id) VALUES (?)", arguments: [id])
                    if id % 3 == 0 { throw Refused() }
                }
            }
        }
        let outcomes = try await setup.whileTheWriterIsBusy(writes)
        #expect(outcomes == (1...9).map { $0 % 3 != 0 })
        #expect(try setup.items() == [1, 2, 4, 5, 7, 8])
        #expect(setup.observer.commits.value - before == 1)
    }

    @Test func aWriteSeesTheEffectsOfThoseBeforeItInItsGroup() async throws {
        let setup = try Setup()
        defer { setup.database.remove() }
        // Twenty writes each insert the next id after the largest: any two
        // that did not see each other would collide on the primary key.
        let writes: [@Sendable (GroupCommitWriter) async throws -> Void] = (1...20).map { _ in
            { writer in
                try await writer.write { db in
                    try db.execute(sql: "INSERT INTO item (id) SELECT COALESCE(MAX(id), 0) + 1 FROM item")
                }
            }
        }
        let outcomes = try await setup.whileTheWriterIsBusy(writes)
        #expect(outcomes.allSatisfy { $0 })
        #expect(try setup.items() == Array(1...20))
    }

    @Test func aResultIsReturnedOnlyOnceCommitted() async throws {
        let setup = try Setup()
        defer { setup.database.remove() }
        let id = try await setup.writer.write { db in
            try db.execute(sql: "INSERT INTO item (id) VALUES (7)")
            return Int(db.lastInsertedRowID)
        }
        #expect(id == 7)
        // A fresh connection sees it: the commit happened before the answer.
        let other = try DatabaseQueue(path: setup.pool.path)
        #expect(try await other.read { db in try Int.fetchAll(db, sql: "SELECT id FROM item") } == [7])
    }
}
