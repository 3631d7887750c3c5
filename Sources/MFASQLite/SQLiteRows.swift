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
    /// The account's columns in the order ``init(columns:)`` reads them, for
    /// a `SELECT` of the account table that may join others (whose columns
    /// then come after these).
    static let selectedColumns = """
        account.id, account.email, account.email_key, account.full_name, account.password_hash,
        account.totp_sealed_secret, account.totp_algorithm, account.totp_digits, account.totp_period,
        account.last_time_step, account.created_at, account.last_login_at, account.consecutive_failures,
        account.locked_until
        """

    /// The number of ``selectedColumns``: the index of the first column after them.
    static let selectedColumnCount = Int32(selectedColumns.split(separator: ",").count)

    static let selectByID = "SELECT \(selectedColumns) FROM account WHERE id = ?"
    static let selectByEmailKey = "SELECT \(selectedColumns) FROM account WHERE email_key = ?"

    init(columns: SQLiteColumns) throws {
        guard let algorithm = OTPAlgorithm(rawValue: columns.string(6)) else {
            throw MFAStoreError.unavailable("unknown TOTP algorithm in account row")
        }
        self.init(
            id: columns.string(0), email: columns.string(1), emailKey: columns.string(2), fullName: columns.optionalString(3),
            passwordHash: columns.string(4),
            authenticator: SealedAuthenticator(
                sealedSecret: columns.bytes(5), algorithm: algorithm, digits: columns.int(7), period: columns.int(8)
            ),
            lastAcceptedTimeStep: columns.optionalInt64(9).map { UInt64($0) },
            createdAt: columns.date(10), lastLoginAt: columns.optionalDate(11),
            consecutiveFailures: columns.int(12), lockedUntil: columns.optionalDate(13)
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
        try first(sql: AccountRecord.selectByID, arguments: [id], columns: AccountRecord.init(columns:))
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
