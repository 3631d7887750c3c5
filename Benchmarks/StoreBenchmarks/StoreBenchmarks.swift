import Benchmark
import Foundation
import MFACore
import MFASQLite

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
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = try! SQLiteStore(path: directory.appendingPathComponent("lookups.sqlite").path)
    let now = Date()
    var rows = StoreRows()
    for index in 0..<1_000 {
        let id = UUID().uuidString
        rows.accounts.append(AccountRecord(
            id: id, email: "user\(index)@example.com", emailKey: "user\(index)@example.com", fullName: "User \(index)",
            passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            authenticator: SealedAuthenticator(sealedSecret: Array(repeating: 7, count: 48), algorithm: .sha1, digits: 6, period: 30),
            createdAt: now, lastLoginAt: now
        ))
        rows.sessions.append(SessionRecord(tokenHash: Array(SHA256Bytes.of(id)), accountID: id, createdAt: now, expiresAt: now + 86_400))
    }
    let seeded = rows
    let semaphore = DispatchSemaphore(value: 0)
    Task { try! await store.importRows(seeded); semaphore.signal() }
    semaphore.wait()
    let session = seeded.sessions[500].tokenHash

    Benchmark("SQLiteStore.signedIn (session and account)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await store.signedIn(tokenHash: session, now: now))
        }
    }

    Benchmark("SQLiteStore.account(emailKey:)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await store.account(emailKey: "user500@example.com"))
        }
    }
}

/// 32 bytes derived from a string, as a session token's hash would be.
private enum SHA256Bytes {
    static func of(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8.prefix(32))
        bytes += Array(repeating: 0, count: 32 - bytes.count)
        return bytes
    }
}
