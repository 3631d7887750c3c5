import Foundation
import MFACore
import NIOCore
import PostgresNIO

// Rows to records and back. Times are timestamptz, hashes and sealed boxes bytea.

/// A row's columns by name.
struct Columns {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    /// The column's value.
    func callAsFunction<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try row[name].decode(T.self)
    }

    /// A bytea column's bytes.
    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try self(name, as: Data.self))
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a bytea value.
    var bytea: Data { Data(self) }
}

extension AccountRecord {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        guard let algorithm = OTPAlgorithm(rawValue: try columns("totp_algorithm")) else {
            throw MFAStoreError.unavailable("unknown TOTP algorithm in account row")
        }
        self.init(
            id: try columns("id"), email: try columns("email"), emailKey: try columns("email_key"), fullName: try columns("full_name"),
            passwordHash: try columns("password_hash"),
            authenticator: SealedAuthenticator(
                sealedSecret: try columns.bytes("totp_sealed_secret"), algorithm: algorithm,
                digits: try columns("totp_digits"), period: try columns("totp_period")
            ),
            lastAcceptedTimeStep: try columns("last_time_step", as: Int64?.self).map { UInt64($0) },
            createdAt: try columns("created_at"), lastLoginAt: try columns("last_login_at"),
            consecutiveFailures: try columns("consecutive_failures"), lockedUntil: try columns("locked_until")
        )
    }
}

extension LinkRecord {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        guard let purpose = LinkPurpose(rawValue: try columns("purpose")) else {
            throw MFAStoreError.unavailable("unknown link purpose in link row")
        }
        self.init(
            tokenHash: try columns.bytes("token_hash"), purpose: purpose, subject: try columns("subject"),
            expiresAt: try columns("expires_at"), attempts: try columns("attempts")
        )
    }
}

extension QueuedMail {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        self.init(
            id: try columns("id"), sealedMessage: try columns.bytes("sealed_message"), notBefore: try columns("not_before"),
            expiresAt: try columns("expires_at"), attempts: try columns("attempts")
        )
    }
}

extension PendingRegistration {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        self.init(
            email: try columns("email"), emailKey: try columns("email_key"), subject: try columns("subject"),
            fullName: try columns("full_name"), passwordHash: try columns("password_hash"), expiresAt: try columns("expires_at")
        )
    }
}

extension SessionRecord {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        self.init(
            tokenHash: try columns.bytes("token_hash"), accountID: try columns("account_id"),
            createdAt: try columns("created_at"), expiresAt: try columns("expires_at")
        )
    }
}

/// The statements several operations share, inside their transaction.
extension Transaction {
    func insert(_ mail: QueuedMail) async throws {
        try await run(try .insert(mail))
    }

    /// Inserts `link` after deleting the older links of its purpose and subject.
    ///
    /// A transaction-scoped advisory lock on the purpose and subject makes
    /// concurrent replacements take turns: each then deletes what the one
    /// before it inserted, and one link is left.
    func replaceLinks(with link: LinkRecord) async throws {
        try await run("SELECT pg_advisory_xact_lock(\(AdvisoryLock.links), hashtext(\(link.purpose.rawValue + " " + link.subject)))")
        try await run("DELETE FROM link WHERE subject = \(link.subject) AND purpose = \(link.purpose.rawValue)")
        try await insert(link)
    }

    func insert(_ link: LinkRecord) async throws {
        try await run("""
            INSERT INTO link (token_hash, purpose, subject, expires_at, attempts)
            VALUES (\(link.tokenHash.bytea), \(link.purpose.rawValue), \(link.subject), \(link.expiresAt), \(link.attempts))
            """)
    }

    func insert(_ session: SessionRecord) async throws {
        try await run("""
            INSERT INTO session (token_hash, account_id, created_at, expires_at)
            VALUES (\(session.tokenHash.bytea), \(session.accountID), \(session.createdAt), \(session.expiresAt))
            """)
    }

    /// Inserts `registration`, replacing the address's older one.
    func replacePendingRegistration(with registration: PendingRegistration) async throws {
        try await run("""
            INSERT INTO pending_registration (email_key, email, subject, full_name, password_hash, expires_at)
            VALUES (\(registration.emailKey), \(registration.email), \(registration.subject), \(registration.fullName),
                \(registration.passwordHash), \(registration.expiresAt))
            ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, subject = excluded.subject,
                full_name = excluded.full_name, password_hash = excluded.password_hash, expires_at = excluded.expires_at
            """)
    }

    /// Deletes the link if it is usable by `subject` (unexpired, not burned);
    /// throws ``MFAStoreError/linkNotUsable`` otherwise.
    func consumeLink(_ link: LinkUse, subject: String, now: Date) async throws {
        let deleted = try await run("""
            DELETE FROM link WHERE token_hash = \(link.tokenHash.bytea) AND subject = \(subject)
                AND expires_at > \(now) AND attempts < \(link.maxAttempts)
            RETURNING 1
            """)
        guard deleted == 1 else { throw MFAStoreError.linkNotUsable }
    }

    func insertAccount(_ account: AccountRecord) async throws -> Bool {
        let authenticator = account.authenticator
        return try await run("""
            INSERT INTO account (id, email, email_key, full_name, password_hash, totp_sealed_secret, totp_algorithm,
                totp_digits, totp_period, last_time_step, created_at, last_login_at, consecutive_failures, locked_until)
            VALUES (\(account.id), \(account.email), \(account.emailKey), \(account.fullName), \(account.passwordHash),
                \(authenticator.sealedSecret.bytea), \(authenticator.algorithm.rawValue), \(authenticator.digits), \(authenticator.period),
                \(account.lastAcceptedTimeStep.map { Int64($0) }), \(account.createdAt), \(account.lastLoginAt),
                \(account.consecutiveFailures), \(account.lockedUntil))
            ON CONFLICT (email_key) DO NOTHING
            RETURNING 1
            """) == 1
    }

    func insertRecoveryCodes(_ hashes: [[UInt8]], accountID: String) async throws {
        guard !hashes.isEmpty else { return }
        try await run("""
            INSERT INTO recovery_code (account_id, code_hash) SELECT \(accountID), unnest(\(hashes.map { ByteBuffer(bytes: $0) }))
            """)
    }

    /// The account with `id`, locked until the transaction ends: changes to it take turns.
    func lockedAccount(id: String) async throws -> AccountRecord? {
        try await rows("SELECT * FROM account WHERE id = \(id) FOR UPDATE").first.map(AccountRecord.init(row:))
    }

    func revokeSessions(of accountID: String, _ revocation: SessionRevocation) async throws {
        switch revocation {
        case .none:
            return
        case .all:
            try await run("DELETE FROM session WHERE account_id = \(accountID)")
        case .allExcept(let kept):
            try await run("DELETE FROM session WHERE account_id = \(accountID) AND token_hash <> \(kept.bytea)")
        }
    }

    /// Deletes an account; its sessions, recovery codes and passkeys go with it (ON DELETE CASCADE).
    func delete(_ account: AccountRecord) async throws {
        try await run("DELETE FROM account WHERE id = \(account.id)")
        try await run("""
            DELETE FROM link WHERE subject = \(account.id)
                OR subject IN (SELECT subject FROM pending_registration WHERE email_key = \(account.emailKey))
            """)
        try await run("DELETE FROM pending_registration WHERE email_key = \(account.emailKey)")
    }
}

extension PostgresQuery {
    /// Queues `mail`: within a transaction, or alone.
    static func insert(_ mail: QueuedMail) throws -> PostgresQuery {
        try """
        INSERT INTO outbox (id, sealed_message, not_before, expires_at, attempts)
        VALUES (\(mail.id), \(mail.sealedMessage.bytea), \(mail.notBefore), \(mail.expiresAt), \(mail.attempts))
        """
    }
}

/// The advisory lock keys of the store (the first of two 32-bit keys), apart from other users of the database.
enum AdvisoryLock {
    /// Link replacement, with a hash of purpose and subject as the second key.
    static let links: Int32 = 0x6D66_616C
    /// Migrations (a single 64-bit key, a space of its own).
    static let migrations: Int64 = 0x6D66_612D_6D69_6772
}
