import Foundation
import Hummingbird
import MFACore
import MFASQLite

// A floor for POST /users/login/: Hummingbird answering 202 to a POST whose
// body it reads, after SQLiteStore durably writes ROWS new rows under random
// keys through its group commit (one limit window each: the writes a link
// request cannot do without are three limit windows, a link and its email,
// each under a random key). No validation, hashing, sealing or email: what
// this costs, mfa-server's link request cannot cost less on this store.
// Usage: DurableRoute PORT DIRECTORY [ROWS]
let arguments = CommandLine.arguments
let rows = arguments.count > 3 ? Int(arguments[3])! : 1
let store = try SQLiteStore(path: arguments[2] + "/floor.sqlite")
let limit = RateLimit(count: 1_000_000, window: 3_600)
let router = Router()
router.get("/health") { _, _ in "ok" } // for the benchmark script to wait on
router.post("/write") { request, _ -> HTTPResponse.Status in
    _ = try await request.body.collect(upTo: 4096)
    var events: [LimitedEvent] = []
    for _ in 0..<rows {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
        events.append(LimitedEvent(key: key, limit: limit))
    }
    _ = try await store.countEvents(events, now: Date())
    return .accepted
}
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: Int(arguments[1])!))
)
try await app.runService()
