import Logging
import MFACore
import ServiceLifecycle

/// Sends the outbox's queued mail every second with a ``MailDeliveryWorker``,
/// and stops at graceful shutdown. What is still queued then is sent at the
/// next start. Purging finished mail is ``HousekeepingService``'s work.
struct MailDeliveryService: Service, CustomStringConvertible {
    let worker: MailDeliveryWorker
    let logger: Logger
    var interval = Duration.seconds(1)

    /// The name service-lifecycle logs; the worker's fields are nobody's business.
    var description: String { "MailDeliveryService" }

    func run() async throws {
        let (worker, logger) = (worker, logger)
        await repeatUntilShutdown(every: interval) {
            _ = try await worker.deliverDueMail()
        } onFailure: { error in
            logger.warning("Mail delivery failed", metadata: ["reason": .string("outbox unavailable: \(error)")])
        }
    }
}
