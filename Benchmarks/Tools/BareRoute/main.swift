import Hummingbird

// The load benchmark's yardstick: Hummingbird answering a constant on one
// route, with nothing of mfa-server in the way. Its rate is the most this
// framework does on this machine; each row of the benchmark is a ratio to it.
// Usage: BareRoute PORT
let router = Router()
router.get("/constant") { _, _ in "ok" }
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: Int(CommandLine.arguments[1])!))
)
try await app.runService()
