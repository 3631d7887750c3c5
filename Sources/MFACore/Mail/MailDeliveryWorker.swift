import Foundation

/// Sends the mail queued in a store's outbox through a transport.
///
/// Safe with several workers on one database: a worker leases what it claims,
/// so no other worker sends the same message while the lease runs. Transient
/// failures are retried with exponential backoff and jitter; permanent ones
/// are marked failed; a message whose link expired is dropped, never sent.
public struct MailDeliveryWorker: Sendable {
    /// How deliveries are paced and retried.
    public struct Policy: Sendable {
        /// The delay before the first retry, in seconds; it doubles with each attempt.
        public var firstRetryDelay: TimeInterval = 15
        /// The longest delay between retries, in seconds.
        public var longestRetryDelay: TimeInterval = 600
        /// How long a claimed message is reserved for this worker, in seconds.
        public var lease: TimeInterval = 120
        /// How many messages one pass claims.
        public var batchSize = 20
        /// How long finished messages are kept before purging, in seconds.
        public var finishedMailRetention: TimeInterval = 86_400

        /// Creates the default policy.
        public init() {}
    }

    /// What one pass did.
    public struct PassReport: Sendable, Hashable {
        /// Messages delivered.
        public var sent = 0
        /// Messages that failed for now and wait for a retry.
        public var retried = 0
        /// Messages refused for good.
        public var failed = 0
        /// Messages dropped because their link expired.
        public var dropped = 0
        /// Whether the pass claimed nothing.
        public var isEmpty: Bool { sent + retried + failed + dropped == 0 }
    }

    private let store: any MFAStore
    private let transport: any MailTransport
    private let outbox: Outbox
    private let clock: any WallClock
    private let random: any RandomSource
    private let policy: Policy
    private let observer: any MFAEventObserver
    private let onFailure: @Sendable (String) -> Void

    /// Creates a worker.
    ///
    /// - Parameters:
    ///   - onFailure: told a one-line reason for every failed attempt, for logs;
    ///     it never contains the message or its link.
    public init(
        store: any MFAStore, transport: any MailTransport, keys: any KeyRingSource,
        clock: any WallClock = SystemClock(), random: any RandomSource = SystemRandomSource(),
        policy: Policy = Policy(), observer: any MFAEventObserver = IgnoringEventObserver(),
        onFailure: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.store = store
        self.transport = transport
        outbox = Outbox(sealer: Sealer(keys: keys), random: random)
        self.clock = clock
        self.random = random
        self.policy = policy
        self.observer = observer
        self.onFailure = onFailure
    }

    /// Creates a worker for the outbox of `service`, sharing its store, keys, clock and observer.
    public init(service: MFAService, transport: any MailTransport, policy: Policy = Policy(), onFailure: @escaping @Sendable (String) -> Void = { _ in }) {
        self.init(
            store: service.store, transport: transport, keys: service.sealer.keys, clock: service.clock,
            random: service.random, policy: policy, observer: service.observer, onFailure: onFailure
        )
    }

    /// Sends every message that is due now, once; drops first, unread, those
    /// whose link expired (``MFAStore/dropExpiredMail(now:)``).
    public func deliverDueMail() async throws -> PassReport {
        var report = PassReport()
        report.dropped = try await store.dropExpiredMail(now: clock.now())
        for _ in 0..<report.dropped { observer.record(MailDisposition.dropped.event) }
        while true {
            let now = clock.now()
            let batch = try await store.claimMail(now: now, leaseUntil: now + policy.lease, limit: policy.batchSize)
            if batch.isEmpty { return report }
            // Each message is finished as soon as it is delivered, while the
            // next one is: the finishes of a batch then share the store's
            // commits instead of waiting for one each.
            try await withThrowingTaskGroup { finishing in
                for mail in batch {
                    let disposition = await deliver(mail)
                    finishing.addTask { try await store.finishMail(id: mail.id, as: disposition, now: clock.now()) }
                    report.count(disposition)
                    observer.record(disposition.event)
                }
                try await finishing.waitForAll()
            }
        }
    }

    /// Delivers due mail every `interval` until the task is cancelled, and purges
    /// finished mail now and then. Store outages are waited out.
    public func run(every interval: Duration = .seconds(1)) async {
        var passes = 0
        while !Task.isCancelled {
            do {
                _ = try await deliverDueMail()
                passes += 1
                if passes % 600 == 0 {
                    try await store.purgeExpired(now: clock.now(), finishedMailRetention: policy.finishedMailRetention)
                }
            } catch {
                onFailure("outbox unavailable: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func deliver(_ mail: QueuedMail) async -> MailDisposition {
        let now = clock.now()
        if mail.hasExpired(at: now) { return .dropped }
        let message: MailMessage
        do {
            message = try outbox.open(mail)
        } catch {
            onFailure("queued mail \(mail.id) cannot be opened with this key")
            return .failed
        }
        do {
            try await transport.send(message)
            return .sent
        } catch MailDeliveryError.permanent(let reason) {
            onFailure("mail \(mail.id) refused: \(reason)")
            return .failed
        } catch {
            onFailure("mail \(mail.id) not sent yet (attempt \(mail.attempts + 1)): \(error)")
            return .retry(notBefore: now + retryDelay(afterAttempts: mail.attempts + 1))
        }
    }

    /// Exponential backoff with full jitter between half and all of the delay.
    private func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        let exponential = policy.firstRetryDelay * pow(2, Double(min(attempts - 1, 30)))
        let delay = min(policy.longestRetryDelay, exponential)
        let jitter = Double(random.bytes(count: 1)[0]) / 255
        return delay * (0.5 + jitter / 2)
    }
}

extension MailDeliveryWorker.PassReport {
    mutating func count(_ disposition: MailDisposition) {
        switch disposition {
        case .sent: sent += 1
        case .retry: retried += 1
        case .failed: failed += 1
        case .dropped: dropped += 1
        }
    }
}

extension MailDisposition {
    var event: MFAEvent {
        switch self {
        case .sent: .mailSent
        case .retry: .mailRetried
        case .failed: .mailFailed
        case .dropped: .mailDropped
        }
    }
}
