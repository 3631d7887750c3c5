import Foundation
import Logging
import MFACore
import ServiceLifecycle

/// Purges what the store no longer needs, at start and then every ten
/// minutes: expired links and sessions, and finished mail (sent, failed or
/// dropped) older than the retention (`MFA_RETENTION_SECONDS`).
///
/// It runs beside the mail worker and stops at graceful shutdown; several
/// servers on one database may all run it, since purging is idempotent.
struct HousekeepingService: Service, CustomStringConvertible {
    let store: any MFAStore
    /// How long finished mail is kept, in seconds.
    let retention: TimeInterval
    let logger: Logger
    var interval = Duration.seconds(600)

    /// The name service-lifecycle logs.
    var description: String { "HousekeepingService" }

    func run() async throws {
        let (store, retention, logger) = (store, retention, logger)
        await repeatUntilShutdown(every: interval) {
            try await store.purgeExpired(now: Date(), finishedMailRetention: retention)
        } onFailure: { error in
            logger.warning("Housekeeping failed", metadata: ["error.type": .string(String(reflecting: type(of: error)))])
        }
    }
}
