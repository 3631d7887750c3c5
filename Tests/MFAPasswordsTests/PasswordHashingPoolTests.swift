import Foundation
import MFAPasswords
import Testing

@Suite struct PasswordHashingPoolTests {
    /// Records the nice value of the thread each hash runs on, as the kernel reports it.
    struct NiceRecordingHasher: PasswordHasher {
        let seen = NiceValues()
        func hash(_ password: String) throws -> String {
            seen.record()
            return "hashed"
        }
        func verify(_ password: String, against storedHash: String) throws -> PasswordVerification {
            seen.record()
            return .match
        }
        func recognizes(_ storedHash: String) -> Bool { true }
    }

    final class NiceValues: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        var all: [Int] { lock.withLock { values } }
        func record() {
            let value = Self.niceValueOfThisThread()
            lock.withLock { values.append(value) }
        }
        /// Field 19 of `/proc/thread-self/stat` (proc(5)), after the command name in parentheses.
        static func niceValueOfThisThread() -> Int {
            let stat = try! String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8)
            let fields = stat[stat.range(of: ")", options: .backwards)!.upperBound...].split(separator: " ")
            return Int(fields[16])!
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/thread-self/stat"), "reads the nice value from Linux's /proc"))
    func hashesRunBelowThePriorityOfTheThreadsServingRequests() async throws {
        let hasher = NiceRecordingHasher()
        let pool = PasswordHashingPool(hasher: hasher, concurrency: 2, queueLimit: 8)
        let callers = NiceValues.niceValueOfThisThread()
        _ = try await pool.hash("correct horse battery staple")
        _ = try await pool.verify("correct horse battery staple", against: "hashed")
        #expect(hasher.seen.all == [callers + 10, callers + 10])
        // The caller's own thread is left as it was.
        #expect(NiceValues.niceValueOfThisThread() == callers)
    }

    @Test func refusesWhenEverySlotAndQueuePlaceIsTakenAndServesAgainAfterwards() async throws {
        let gate = Gate()
        let pool = PasswordHashingPool(hasher: BlockingHasher(gate: gate), concurrency: 1, queueLimit: 1)
        async let first = pool.hash("a")
        while gate.entered < 1 { try await Task.sleep(for: .milliseconds(1)) }
        async let second = pool.hash("b")
        try await Task.sleep(for: .milliseconds(50))
        await #expect(throws: PasswordHashingPoolError.overloaded) { try await pool.hash("c") }
        gate.open()
        #expect(try await [first, second] == ["a", "b"])
        #expect(try await pool.hash("d") == "d")
    }

    @Test func aTurnTakenEarlyHoldsASlotUntilItsHashOrUntilItIsDropped() async throws {
        let pool = PasswordHashingPool(hasher: NiceRecordingHasher(), concurrency: 1, queueLimit: 0)
        var turn: HashingTurn? = try await pool.takeTurn()
        await #expect(throws: PasswordHashingPoolError.overloaded) { _ = try await pool.takeTurn() }
        await #expect(throws: PasswordHashingPoolError.overloaded) { try await pool.hash("b") }
        #expect(try await pool.verify("a", against: "hashed", in: turn!) == .match)
        // Used: given back once, so one other turn fits and then no more.
        turn = try await pool.takeTurn()
        await #expect(throws: PasswordHashingPoolError.overloaded) { try await pool.hash("b") }
        turn = nil
        #expect(try await pool.hash("b") == "hashed")
    }

    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private let opened = DispatchSemaphore(value: 0)
        private var count = 0
        var entered: Int { lock.withLock { count } }
        func enter() {
            lock.withLock { count += 1 }
            opened.wait()
            opened.signal()
        }
        func open() { opened.signal() }
    }

    struct BlockingHasher: PasswordHasher {
        let gate: Gate
        func hash(_ password: String) throws -> String {
            gate.enter()
            return password
        }
        func verify(_ password: String, against storedHash: String) throws -> PasswordVerification { .match }
        func recognizes(_ storedHash: String) -> Bool { true }
    }
}
