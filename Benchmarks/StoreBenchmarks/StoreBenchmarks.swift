import Benchmark
import Foundation
import MFACore
import MFASQLite
import Synchronization

/// The point lookups every signed-in request and every link request make, on
/// a real SQLite file (WAL, the store's settings) holding 1,000 accounts with
/// a session each: what one lookup costs on one thread, without the HTTP
/// server and the load generator that share the cores in `load/run.sh`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmarks-\(UUID().uuidString)")
    let opened = Mutex<SQLiteStore?>(nil)
    let now = Date()
    let session = OpaqueToken.hash(of: "session-500")
    // Made and seeded once the benchmarks are chosen to run, not when they are only listed.
    Benchmark.setup = {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("lookups.sqlite").path)
        opened.withLock { $0 = store }
        var rows = StoreRows()
        for index in 0..<1_000 {
            let id = UUID().uuidString
            rows.accounts.append(AccountRecord(
                id: id, email: "user\(index)@example.com", emailKey: "user\(index)@example.com", fullName: "User \(index)",
                passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                authenticator: SealedAuthenticator(sealedSecret: Array(repeating: 7, count: 48), algorithm: .sha1, digits: 6, period: 30),
                createdAt: now, lastLoginAt: now
            ))
            rows.sessions.append(SessionRecord(
                tokenHash: OpaqueToken.hash(of: "session-\(index)"), accountID: id, createdAt: now, expiresAt: now + 86_400
            ))
        }
        try await store.importRows(rows)
        // A lookup that finds nothing would be timed as well, and cost less.
        let found = try await store.signedIn(tokenHash: session, now: now)
        precondition(found != nil, "the benchmark's session was not stored")
    }
    Benchmark.teardown = { try FileManager.default.removeItem(at: directory) }

    Benchmark("SQLiteStore.signedIn (session and account)") { benchmark in
        let store = opened.withLock { $0! }
        for _ in benchmark.scaledIterations {
            blackHole(try await store.signedIn(tokenHash: session, now: now))
        }
    }

    Benchmark("SQLiteStore.account(emailKey:)") { benchmark in
        let store = opened.withLock { $0! }
        for _ in benchmark.scaledIterations {
            blackHole(try await store.account(emailKey: "user500@example.com"))
        }
    }
}
