import Foundation
import MFACore

/// Records for the checks: unique random ids, addresses and hashes, so that
/// no two records made by one check collide, and whole-second times.
enum Fixture {
    /// Midnight UTC, 11 June 2025: a whole number of minutes, hours and days
    /// since 1970, so a limit window that opens here ends at the same instant
    /// whether the store anchors windows at the first event or at the clock.
    static let start = Date(timeIntervalSince1970: 1_749_600_000)

    static func bytes(_ count: Int = 32) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max) }
    }

    static func tokenHash() -> [UInt8] { bytes() }

    static func id() -> String { UUID().uuidString.lowercased() }

    /// A mixed-case address, so that a store keying on the address instead of its key shows.
    static func email() -> String { "Ada.\(id().prefix(8))@Example.com" }

    static func authenticator() -> SealedAuthenticator {
        SealedAuthenticator(sealedSecret: bytes(48), algorithm: .sha1, digits: 6, period: 30)
    }

    static func passwordHash() -> String {
        "$argon2id$v=19$m=19456,t=2,p=1$\(id())$\(id())"
    }

    static func account(email: String = email(), fullName: String? = "Ada Lovelace") -> AccountRecord {
        AccountRecord(
            id: id(), email: email, emailKey: email.lowercased(), fullName: fullName,
            passwordHash: passwordHash(), authenticator: authenticator(), createdAt: start
        )
    }

    static func recoveryCodes(_ count: Int = 10) -> [[UInt8]] {
        (0..<count).map { _ in bytes() }
    }

    /// Stands for the keyed hash of `emailKey` that services use as a registration's link subject.
    static func registrationSubject(_ emailKey: String) -> String { "registration:" + emailKey }

    static func pendingRegistration(emailKey: String, expiresAt: Date = start + 600) -> PendingRegistration {
        PendingRegistration(
            email: emailKey, emailKey: emailKey, subject: registrationSubject(emailKey), fullName: "Ada \(id().prefix(4))",
            passwordHash: passwordHash(), expiresAt: expiresAt
        )
    }

    static func link(_ purpose: LinkPurpose, subject: String, expiresAt: Date = start + 600) -> LinkRecord {
        LinkRecord(tokenHash: tokenHash(), purpose: purpose, subject: subject, expiresAt: expiresAt)
    }

    static func session(accountID: String, expiresAt: Date = start + 3_600) -> SessionRecord {
        SessionRecord(tokenHash: tokenHash(), accountID: accountID, createdAt: start, expiresAt: expiresAt)
    }

    static func mail(notBefore: Date = start, expiresAt: Date? = nil) -> QueuedMail {
        QueuedMail(id: id(), sealedMessage: bytes(64), notBefore: notBefore, expiresAt: expiresAt)
    }
}

extension Fixture {
    /// The attempts a link allows in the checks.
    static let maxAttempts = 5

    /// A lock policy small enough to walk through: a lock every 3 failures,
    /// 900 s doubling up to 3600 s, TOTP refused from 9 failures.
    static let policy = LockPolicy(failuresPerLock: 3, firstLock: 900, maxLock: 3_600, ceiling: 9)

    /// A link no store has.
    static func unknownLink() -> LinkUse { LinkUse(tokenHash: tokenHash(), maxAttempts: maxAttempts) }
}

extension LinkRecord {
    /// The link as a completion uses it, allowing ``Fixture/maxAttempts`` failures.
    var use: LinkUse { LinkUse(tokenHash: tokenHash, maxAttempts: Fixture.maxAttempts) }
}

extension Fixture {
    static func passkey(accountID: String, signCount: UInt32 = 0, createdAt: Date = start) -> PasskeyRecord {
        PasskeyRecord(
            id: id(), accountID: accountID, credentialID: bytes(Int.random(in: 16...64)), publicKey: bytes(77),
            signCount: signCount, backupEligible: Bool.random(), transports: ["internal", "hybrid"],
            name: "Passkey \(id().prefix(4))", createdAt: createdAt
        )
    }

    static func challenge(
        _ ceremony: PasskeyCeremony = .secondFactor, binding: String = "session:" + id(), expiresAt: Date = start + 300
    ) -> PasskeyChallenge {
        PasskeyChallenge(challengeHash: bytes(), ceremony: ceremony, binding: binding, expiresAt: expiresAt)
    }
}

extension MFAStore {
    /// Whether `challenge` can be consumed as saved, at `now` (consuming it if so).
    func consume(_ challenge: PasskeyChallenge, at now: Date = Fixture.start) async throws -> Bool {
        try await consumePasskeyChallenge(hash: challenge.challengeHash, ceremony: challenge.ceremony, binding: challenge.binding, now: now)
    }

    /// Commits an assertion of `passkey` with `signCount`, as a second factor does.
    func commitUse(of passkey: PasskeyRecord, signCount: UInt32, accountID: String? = nil, at now: Date = Fixture.start) async throws {
        _ = try await commit(AuthenticatedChange(
            accountID: accountID ?? passkey.accountID,
            passkeyUse: PasskeyUse(credentialID: passkey.credentialID, signCount: signCount), now: now
        ))
    }
}
