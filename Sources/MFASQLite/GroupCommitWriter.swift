import GRDB
import Synchronization

/// Commits write operations in groups: one transaction and one fsync for every
/// operation that arrived while the previous group was being committed.
///
/// With `synchronous=FULL` each commit costs an fsync, and SQLite has one
/// writer, so committing each operation on its own caps writes at one per
/// fsync. Here, operations queue while a commit is in flight and the next
/// group runs them one after another inside a single `IMMEDIATE` transaction,
/// each in a savepoint of its own:
///
/// - an operation that throws rolls back only its savepoint and fails only its
///   caller; the others of its group commit;
/// - an operation sees the effects of those before it in its group, exactly as
///   if they had committed one by one in that order;
/// - no caller gets an answer before the group's commit returned, so every
///   acknowledged write is on disk; if the commit fails (or an error made
///   SQLite abandon the transaction) every operation of the group that had
///   succeeded fails with that error, and none of its effects persist.
final class GroupCommitWriter: Sendable {
    /// One queued operation, type-erased.
    private struct Job: Sendable {
        /// Runs the operation in its savepoint and returns what answers its
        /// caller once the group's transaction has ended (nil: committed).
        let run: @Sendable (Database) -> @Sendable (_ commitError: (any Error)?) -> Void
        /// Answers the caller when its group failed before the operation ran.
        let abandon: @Sendable (any Error) -> Void
    }

    private struct Queue {
        var waiting: [Job] = []
        /// Whether a drain is scheduled on the writer; new jobs then only queue.
        var draining = false
    }

    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())

    /// Groups writes to `writer`, which must not be written to in transactions
    /// by anybody else in this process (statements without a transaction, such
    /// as a checkpoint, are fine: the writer serialises them with the groups).
    init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `operation` atomically in the next group and returns its result
    /// once the group is durably committed.
    func write<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                run: { db in
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try operation(db)
                            return .commit
                        }
                        let result = value!
                        return { commitError in
                            if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(returning: result) }
                        }
                    } catch {
                        return { _ in continuation.resume(throwing: error) }
                    }
                },
                abandon: { continuation.resume(throwing: $0) }
            )
            let startsDrain = queue.withLock { queue in
                queue.waiting.append(job)
                defer { queue.draining = true }
                return !queue.draining
            }
            if startsDrain {
                writer.asyncWriteWithoutTransaction { [self] db in drain(db) }
            }
        }
    }

    /// Commits groups until nothing waits.
    private func drain(_ db: Database) {
        while true {
            let group: [Job] = queue.withLock { queue in
                if queue.waiting.isEmpty { queue.draining = false }
                defer { queue.waiting.removeAll(keepingCapacity: true) }
                return queue.waiting
            }
            if group.isEmpty { return }
            commit(group, in: db)
        }
    }

    private func commit(_ group: [Job], in db: Database) {
        var answers: [@Sendable ((any Error)?) -> Void] = []
        answers.reserveCapacity(group.count)
        var failure: (any Error)?
        do {
            try db.beginTransaction(.immediate)
            for job in group {
                answers.append(job.run(db))
                // SQLite rolls the whole transaction back on some errors (disk
                // full, I/O error): the group's earlier effects are gone.
                guard db.isInsideTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "the group's transaction was rolled back") }
            }
            try db.commit()
        } catch {
            failure = error
            try? db.rollback()
        }
        for answer in answers { answer(failure) }
        if let failure {
            for job in group.dropFirst(answers.count) { job.abandon(failure) }
        }
    }
}
