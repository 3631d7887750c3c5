import Foundation
import GRDB
import MFACore

// Rows to records and back. Times are stored as seconds since 1970 (REAL),
// hashes and sealed boxes as BLOBs.

extension Date {
    var storedValue: Double { timeIntervalSince1970 }
    init(stored: Double) { self.init(timeIntervalSince1970: stored) }
}

extension Row {
    func date(_ column: String) -> Date { Date(stored: self[column]) }
    func optionalDate(_ column: String) -> Date? { (self[column] as Double?).map(Date.init(stored:)) }
    func bytes(_ column: String) -> [UInt8] { [UInt8](self[column] as Data) }
}

extension AccountRecord {
    init(row: Row) throws {
        guard let algorithm = OTPAlgorithm(rawValue: row["totp_algorithm"]) else {
            throw MFAStoreError.unavailable("unknown TOTP algorithm in account row")
        }
        self.init(
            id: row["id"], email: row["email"], emailKey: row["email_key"], fullName: row["full_name"],
            passwordHash: row["password_hash"],
            authenticator: SealedAuthenticator(
                sealedSecret: row.bytes("totp_sealed_secret"), algorithm: algorithm,
                digits: row["totp_digits"], period: row["totp_period"]
            ),
            lastAcceptedTimeStep: (row["last_time_step"] as Int64?).map { UInt64($0) },
            createdAt: row.date("created_at"), lastLoginAt: row.optionalDate("last_login_at"),
            consecutiveFailures: row["consecutive_failures"], lockedUntil: row.optionalDate("locked_until")
        )
    }
}

extension LinkRecord {
    init(row: Row) throws {
        guard let purpose = LinkPurpose(rawValue: row["purpose"]) else {
            throw MFAStoreError.unavailable("unknown link purpose in link row")
        }
        self.init(
            tokenHash: row.bytes("token_hash"), purpose: purpose, subject: row["subject"],
            expiresAt: row.date("expires_at"), attempts: row["attempts"]
        )
    }
}

extension PendingRegistration {
    init(row: Row) {
        self.init(
            email: row["email"], emailKey: row["email_key"], subject: row["subject"], fullName: row["full_name"],
            passwordHash: row["password_hash"], expiresAt: row.date("expires_at")
        )
    }
}

extension SessionRecord {
    init(row: Row) {
        self.init(tokenHash: row.bytes("token_hash"), accountID: row["account_id"], createdAt: row.date("created_at"), expiresAt: row.date("expires_at"))
    }
}

extension QueuedMail {
    init(row: Row) {
        self.init(
            id: row["id"], sealedMessage: row.bytes("sealed_message"), notBefore: row.date("not_before"),
            expiresAt: row.optionalDate("expires_at"), attempts: row["attempts"]
        )
    }
}

extension Database {
    func insert(_ mail: QueuedMail) throws {
        try run(
            sql: "INSERT INTO outbox (id, sealed_message, not_before, expires_at, attempts) VALUES (?, ?, ?, ?, ?)",
            arguments: [mail.id, Data(mail.sealedMessage), mail.notBefore.storedValue, mail.expiresAt?.storedValue, mail.attempts]
        )
    }

    /// Inserts `link` after deleting the older links of its purpose and subject.
    func replaceLinks(with link: LinkRecord) throws {
        try run(sql: "DELETE FROM link WHERE subject = ? AND purpose = ?", arguments: [link.subject, link.purpose.rawValue])
        try insert(link)
    }

    func insert(_ link: LinkRecord) throws {
        try run(
            sql: "INSERT INTO link (token_hash, purpose, subject, expires_at, attempts) VALUES (?, ?, ?, ?, ?)",
            arguments: [Data(link.tokenHash), link.purpose.rawValue, link.subject, link.expiresAt.storedValue, link.attempts]
        )
    }

    func insert(_ session: SessionRecord) throws {
        try run(
            sql: "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [Data(session.tokenHash), session.accountID, session.createdAt.storedValue, session.expiresAt.storedValue]
        )
    }

    /// Inserts `registration`, replacing the address's older one.
    func replacePendingRegistration(with registration: PendingRegistration) throws {
        try run(
            sql: """
                INSERT OR REPLACE INTO pending_registration (email_key, email, subject, full_name, password_hash, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                registration.emailKey, registration.email, registration.subject, registration.fullName,
                registration.passwordHash, registration.expiresAt.storedValue,
            ]
        )
    }

    /// Deletes the link if it is usable by `subject` (unexpired, not burned);
    /// throws ``MFAStoreError/linkNotUsable`` otherwise.
    func consumeLink(_ link: LinkUse, subject: String, now: Date) throws {
        try run(
            sql: "DELETE FROM link WHERE token_hash = ? AND subject = ? AND expires_at > ? AND attempts < ?",
            arguments: [Data(link.tokenHash), subject, now.storedValue, link.maxAttempts]
        )
        guard changesCount == 1 else { throw MFAStoreError.linkNotUsable }
    }

    func insertAccount(_ account: AccountRecord) throws {
        try run(
            sql: """
                INSERT INTO account (id, email, email_key, full_name, password_hash, totp_sealed_secret, totp_algorithm,
                    totp_digits, totp_period, last_time_step, created_at, last_login_at, consecutive_failures, locked_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                account.id, account.email, account.emailKey, account.fullName, account.passwordHash,
                Data(account.authenticator.sealedSecret), account.authenticator.algorithm.rawValue,
                account.authenticator.digits, account.authenticator.period,
                account.lastAcceptedTimeStep.map { Int64($0) }, account.createdAt.storedValue,
                account.lastLoginAt?.storedValue, account.consecutiveFailures, account.lockedUntil?.storedValue,
            ]
        )
    }

    func insertRecoveryCodes(_ hashes: [[UInt8]], accountID: String) throws {
        for hash in hashes {
            try run(sql: "INSERT INTO recovery_code (account_id, code_hash) VALUES (?, ?)", arguments: [accountID, Data(hash)])
        }
    }

    func account(id: String) throws -> AccountRecord? {
        try first(sql: "SELECT * FROM account WHERE id = ?", arguments: [id], AccountRecord.init(row:))
    }

    func revokeSessions(of accountID: String, _ revocation: SessionRevocation) throws {
        switch revocation {
        case .none:
            return
        case .all:
            try run(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID])
        case .allExcept(let kept):
            try run(sql: "DELETE FROM session WHERE account_id = ? AND token_hash != ?", arguments: [accountID, Data(kept)])
        }
    }
}
