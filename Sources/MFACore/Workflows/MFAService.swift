import Crypto
import MFAPasswords
import MFAWebAuthn
import Foundation
import Synchronization

/// The multi-factor authentication service: every workflow of the contract
/// as an `async throws` method, with no transport.
///
/// ```swift
/// let mfa = try MFAService(
///     configuration: MFAConfiguration(publicURL: "https://auth.example.com"),
///     store: InMemoryStore(),
///     keys: SecretKey.generate(),  // in production: a key ring read from a file
///     links: MyLinks()
/// )
/// try await mfa.requestAccountCreation(
///     email: "ada@example.com", password: "correct horse battery",
///     from: ClientNetwork(ipAddress: "192.0.2.7") ?? .unidentified
/// )
/// ```
///
/// Every method throws only ``MFAError``. Emails are queued in the store's
/// outbox in the same step that creates their link; a ``MailDeliveryWorker``
/// sends them. Each authentication event is reported to the observer as a
/// ``SecurityEvent``, naming the client network a method is given.
///
/// ## Topics
///
/// ### Creating the service
/// - ``init(configuration:store:keys:links:passwordHasher:clock:random:observer:)``
/// - ``prepare()``
/// - ``keysOpenStoredHashKey()``
/// - ``configuration``
///
/// ### Account creation
/// - ``requestAccountCreation(email:password:fullName:from:)``
/// - ``confirmAccountCreation(token:passwordAgain:from:)``
///
/// ### Login
/// - ``requestLogin(email:from:)``
/// - ``completeLogin(token:password:secondFactor:from:)``
///
/// ### Sessions
/// - ``authenticate(sessionToken:)``
/// - ``logout(sessionToken:from:)``
///
/// ### New authenticator
/// - ``requestNewAuthenticator(email:password:from:)``
/// - ``confirmNewAuthenticator(token:secondFactor:from:)``
///
/// ### Passwords
/// - ``requestPasswordReset(email:from:)``
/// - ``confirmPasswordReset(token:newPassword:secondFactor:from:)``
/// - ``changePassword(sessionToken:currentPassword:newPassword:secondFactor:from:)``
///
/// ### Account deletion
/// - ``requestDeletion(email:password:from:)``
/// - ``confirmDeletion(token:secondFactor:from:)``
///
/// ### Passkeys
/// - ``passkeysAvailable``
/// - ``passkeyRegistrationOptions(sessionToken:)``
/// - ``registerPasskey(sessionToken:credential:name:from:)``
/// - ``passkeys(sessionToken:)``
/// - ``removePasskey(sessionToken:id:secondFactor:from:)``
/// - ``passkeyAssertionOptions(sessionToken:)``
/// - ``passkeyAssertionOptions(linkToken:purpose:)``
/// - ``passkeySignInOptions()``
/// - ``signInWithPasskey(_:from:)``
///
/// ### Links
/// - ``checkLink(token:purpose:)``
///
/// ### Operations
/// - ``admitRequest(from:)``
/// - ``purgeExpired()``
/// - ``checkHealth()``
public final class MFAService: Sendable {
    /// The settings the service runs with.
    public let configuration: MFAConfiguration

    let store: any MFAStore
    let clock: any WallClock
    let random: any RandomSource
    let sealer: Sealer
    let passwords: PasswordHashingPool
    let passwordHasher: any PasswordHasher
    let passwordPolicy = PasswordPolicy()
    let composer: MailComposer
    let outbox: Outbox
    let observer: any MFAEventObserver
    /// The passkey relying party; `nil` when passkeys are off.
    let relyingParty: RelyingParty?
    private let decoyHash = Mutex<String?>(nil)
    let loadedHashKey = Mutex<HashKey?>(nil)
    let lastHealthCheck = HealthCheckCache()

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - configuration: the settings; the TOTP parameters must suit new enrolments.
    ///   - store: where state lives: ``InMemoryStore`` in tests, a SQL store in production.
    ///   - keys: the server keys that seal TOTP secrets, queued mail and the hash key at rest;
    ///     a ``KeyRing``, one ``SecretKey``, or a source that follows key rotations.
    ///   - links: places each emailed link's page below ``MFAConfiguration/publicURL``.
    ///   - passwordHasher: hashes and verifies passwords; Argon2id with OWASP's parameters by default.
    ///   - clock: the time; MFACoreTesting's `ManualClock` in tests.
    ///   - random: the source of every secret; MFACoreTesting's `SeededRandomSource` in tests.
    ///   - observer: receives events worth counting, and the ``SecurityEvent``s worth logging.
    /// - Throws: ``MFAConfigurationError`` when a setting cannot work.
    public init(
        configuration: MFAConfiguration,
        store: any MFAStore,
        keys: any KeyRingSource,
        links: any LinkBuilder,
        passwordHasher: any PasswordHasher = PHCPasswordHasher(),
        clock: any WallClock = SystemClock(),
        random: any RandomSource = SystemRandomSource(),
        observer: any MFAEventObserver = IgnoringEventObserver()
    ) throws(MFAConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.store = store
        sealer = Sealer(keys: keys)
        self.clock = clock
        self.random = random
        self.observer = observer
        relyingParty = configuration.relyingParty
        composer = MailComposer(publicURL: configuration.publicURL, links: links)
        outbox = Outbox(sealer: sealer, random: random)
        self.passwordHasher = passwordHasher
        passwords = PasswordHashingPool(
            hasher: passwordHasher,
            concurrency: configuration.concurrentPasswordHashes,
            queueLimit: configuration.queuedPasswordHashes,
            observe: { observer.record(.passwordHashed($0)) }
        )
    }

    /// Runs a workflow's body, turning every failure into an ``MFAError``, and
    /// recording each failure to serve as a ``SecurityEvent/Kind/unavailable`` event.
    func perform<Result>(_ body: () async throws -> Result) async throws(MFAError) -> Result {
        do {
            return try await body()
        } catch let error as MFAError {
            throw error
        } catch let error as MFAStoreError {
            if case .unavailable(let cause) = error { record(SecurityEvent(.unavailable, reason: .store, cause: cause)) }
            throw error.asMFAError(now: clock.now(), policy: configuration.lockPolicy)
        } catch PasswordHashingPoolError.overloaded {
            record(SecurityEvent(.unavailable, reason: .overloaded))
            throw .unavailable
        } catch {
            // The type only: a description of an error from elsewhere might hold anything.
            record(SecurityEvent(.unavailable, reason: .error, cause: String(reflecting: type(of: error))))
            throw .unavailable
        }
    }

    /// A PHC string of a random password, verified against when an address has
    /// no account, so that unknown addresses cost the same work as known ones.
    func decoyPasswordHash() async throws -> String {
        if let hash = decoyHash.withLock({ $0 }) { return hash }
        let hash = try await passwords.hash(Base64URL.encode(random.bytes(count: 24)))
        decoyHash.withLock { $0 = $0 ?? hash }
        return hash
    }

    /// Counts a link-sending request against the address's budget for the
    /// client's network and against the address's total from all networks, all
    /// or nothing: someone exhausting their own budget for a victim's address
    /// leaves the victim's own network its budget, up to the total.
    func admitLinkRequest(for address: EmailAddress, audit: Audit, now: Date) async throws {
        try await admit(linkRequestEvents(for: address, audit: audit), now: now, refusal: audit.event(.rateLimited, reason: .linksPerAddress))
    }

    /// The limits ``admitLinkRequest(for:audit:now:)`` counts a request against.
    func linkRequestEvents(for address: EmailAddress, audit: Audit) async throws -> [LimitedEvent] {
        [
            try await limitedEvent("address:" + address.key + " client:" + audit.client.key, configuration.linksPerAddress),
            try await limitedEvent("address:" + address.key, configuration.linksPerAddressTotal),
        ]
    }

    /// Counts a request against every limit of `events` at once, or records
    /// `refusal` and refuses it with the time to wait.
    func admit(_ events: [LimitedEvent], now: Date, refusal: SecurityEvent) async throws {
        try refuse(until: try await store.countEvents(events, now: now), now: now, recording: refusal)
    }

    /// Records `refusal` and refuses with the time to wait when a limit is full until `retryAt`.
    func refuse(until retryAt: Date?, now: Date, recording refusal: SecurityEvent) throws {
        if let retryAt {
            record(refusal)
            throw MFAError.rateLimited(retryAfterSeconds: Self.seconds(from: now, to: retryAt))
        }
    }

    /// The event of one limit whose key text is `text`, kept in the store as a keyed hash.
    func limitedEvent(_ text: String, _ limit: RateLimit) async throws -> LimitedEvent {
        LimitedEvent(key: try await limitKey(text), limit: limit)
    }

    /// Issues a link of `purpose` for `subject` and queues the email that carries it.
    func sendLink(_ purpose: LinkPurpose, subject: String, to recipient: String, now: Date) async throws {
        let (link, mail) = makeLink(purpose, subject: subject, to: recipient, now: now)
        try await store.issueLink(link, mail: mail)
        observer.record(.mailQueued)
    }

    func makeLink(_ purpose: LinkPurpose, subject: String, to recipient: String, now: Date) -> (LinkRecord, QueuedMail) {
        let token = OpaqueToken.generate(using: random)
        let expiresAt = now + configuration.linkLifetime
        let link = LinkRecord(tokenHash: token.hash, purpose: purpose, subject: subject, expiresAt: expiresAt)
        let message = composer.linkMessage(purpose, token: token, to: recipient, validMinutes: Int((configuration.linkLifetime / 60).rounded(.up)))
        return (link, outbox.queue(message, now: now, expiresAt: expiresAt))
    }

    /// Queues an email that carries no link.
    func queue(_ message: MailMessage, now: Date) -> QueuedMail {
        observer.record(.mailQueued)
        return outbox.queue(message, now: now)
    }

    static func seconds(from now: Date, to later: Date) -> Int {
        max(1, Int(later.timeIntervalSince(now).rounded(.up)))
    }
}

extension MFAStoreError {
    func asMFAError(now: Date, policy: LockPolicy) -> MFAError {
        switch self {
        case .linkNotUsable, .accountNotFound, .emailTaken: .linkInvalid
        case .timeStepAlreadyUsed, .recoveryCodeNotFound, .signCountNotIncreased: .authenticationFailed
        case .passkeyNotFound: .notFound
        case .credentialTaken: .invalid(.credential, "This passkey is registered already.")
        case .accountLocked(let until): .rateLimited(retryAfterSeconds: MFAService.seconds(from: now, to: until))
        // No time ends the refusal; a day is as long as any lock lasts.
        case .totpRefusedAtCeiling: .rateLimited(retryAfterSeconds: Int(policy.maxLock))
        case .unavailable: .unavailable
        }
    }

    /// Why a completion was refused, when the store refused it (a race lost
    /// to another request); `nil` for a failure of the store itself.
    var refusal: SecurityEvent.Reason? {
        switch self {
        case .linkNotUsable, .accountNotFound, .emailTaken: .linkInvalid
        case .timeStepAlreadyUsed: .reusedTOTPCode
        case .recoveryCodeNotFound: .wrongRecoveryCode
        case .accountLocked: .accountLocked
        case .totpRefusedAtCeiling: .failureCeiling
        case .passkeyNotFound: .wrongPasskey
        case .signCountNotIncreased: .passkeyCounter
        // Not a completion's: a registration's, answered 422.
        case .credentialTaken: nil
        case .unavailable: nil
        }
    }
}
