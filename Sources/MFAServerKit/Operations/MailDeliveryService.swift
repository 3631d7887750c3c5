import MFACore
import ServiceLifecycle

/// Runs the outbox's ``MailDeliveryWorker`` as a service: it sends queued mail
/// every second, purges expired state every ten minutes, and stops at graceful
/// shutdown. What is still queued then is sent at the next start.
struct MailDeliveryService: Service, CustomStringConvertible {
    let worker: MailDeliveryWorker

    /// The name service-lifecycle logs; the worker's fields are nobody's business.
    var description: String { "MailDeliveryService" }

    func run() async throws {
        await cancelWhenGracefulShutdown { await worker.run() }
    }
}
