import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func recordFailure(_ failure: FailedCompletion) async throws -> FailureOutcome {
        try await write { db in
            let account = try failure.accountID.flatMap { try db.account(id: $0) }
            if let lockedUntil = account?.lockedUntil, lockedUntil > failure.now { return .accountLocked(until: lockedUntil) }
            if let use = failure.link {
                try db.run(
                    sql: "UPDATE link SET attempts = attempts + 1 WHERE token_hash = ? AND expires_at > ? AND attempts < ?",
                    arguments: [Data(use.tokenHash), failure.now.storedValue, use.maxAttempts]
                )
                guard db.changesCount == 1 else { return .linkUnusable }
            }
            guard let account else { return .counted(failures: 0, lockedUntil: nil) }
            let failures = account.consecutiveFailures + 1
            let lockedUntil = failure.policy.lockDuration(atFailures: failures).map { failure.now + $0 }
            try db.run(
                sql: "UPDATE account SET consecutive_failures = ?, locked_until = COALESCE(?, locked_until) WHERE id = ?",
                arguments: [failures, lockedUntil?.storedValue, account.id]
            )
            if let notice = failure.notice(atFailures: failures) { try db.insert(notice) }
            return .counted(failures: failures, lockedUntil: lockedUntil)
        }
    }

    public func account(emailKey: String) async throws -> AccountRecord? {
        try lookUp { db in
            try db.first(sql: AccountRecord.selectByEmailKey, arguments: [emailKey], columns: AccountRecord.init(columns:))
        }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try lookUp { db in try db.account(id: id) }
    }

    public func pendingRegistration(subject: String, now: Date) async throws -> PendingRegistration? {
        try lookUp { db in
            try db.first(
                sql: "SELECT * FROM pending_registration WHERE subject = ? AND expires_at > ?",
                arguments: [subject, now.storedValue], PendingRegistration.init(row:)
            )
        }
    }

    public func link(tokenHash: [UInt8], now: Date) async throws -> LinkRecord? {
        try lookUp { db in
            try db.first(
                sql: "SELECT * FROM link WHERE token_hash = ? AND expires_at > ?", arguments: [Data(tokenHash), now.storedValue], LinkRecord.init(row:)
            )
        }
    }

    public func recoveryCodeCount(accountID: String) async throws -> Int {
        try lookUp { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM recovery_code WHERE account_id = ?"), arguments: [accountID]) ?? 0
        }
    }

    public func savePendingRegistration(_ registration: PendingRegistration, link: LinkRecord, mail: QueuedMail) async throws {
        try await write { db in
            try db.replacePendingRegistration(with: registration)
            try db.replaceLinks(with: link)
            try db.insert(mail)
        }
    }

    public func issueLink(_ link: LinkRecord, mail: QueuedMail) async throws {
        try await write { db in
            try db.replaceLinks(with: link)
            try db.insert(mail)
        }
    }

    public func usableLink(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord? {
        try lookUp { db in
            try db.first(
                sql: "SELECT * FROM link WHERE token_hash = ? AND purpose = ? AND expires_at > ? AND attempts < ?",
                arguments: [Data(tokenHash), purpose.rawValue, now.storedValue, maxAttempts], LinkRecord.init(row:)
            )
        }
    }

    public func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink link: LinkUse, now: Date) async throws {
        try await write { db in
            try db.run(
                sql: "DELETE FROM link WHERE token_hash = ? AND purpose = ? AND expires_at > ? AND attempts < ?",
                arguments: [Data(link.tokenHash), LinkPurpose.createAccount.rawValue, now.storedValue, link.maxAttempts]
            )
            guard db.changesCount == 1 else { throw MFAStoreError.linkNotUsable }
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM account WHERE email_key = ?"), arguments: [account.emailKey]) == nil else {
                throw MFAStoreError.emailTaken
            }
            try db.run(sql: "DELETE FROM pending_registration WHERE email_key = ?", arguments: [account.emailKey])
            try db.insertAccount(account)
            try db.insertRecoveryCodes(recoveryCodeHashes, accountID: account.id)
        }
    }

    public func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        let outcome = try await write { db in try db.commit(change) }
        if change.deletesAccount { await truncateWALAfterDeletion() }
        return outcome
    }

    public func session(tokenHash: [UInt8], now: Date) async throws -> SessionRecord? {
        try lookUp { db in
            try db.first(
                sql: "SELECT * FROM session WHERE token_hash = ? AND expires_at > ?", arguments: [Data(tokenHash), now.storedValue], SessionRecord.init(row:)
            )
        }
    }

    public func signedIn(tokenHash: [UInt8], now: Date) async throws -> (SessionRecord, AccountRecord)? {
        try lookUp { db in
            try db.first(sql: Self.selectSignedIn, arguments: [Data(tokenHash), now.storedValue], columns: { columns in
                let account = try AccountRecord(columns: columns)
                let sessionColumn = AccountRecord.selectedColumnCount
                let session = SessionRecord(
                    tokenHash: tokenHash, accountID: account.id,
                    createdAt: columns.date(sessionColumn), expiresAt: columns.date(sessionColumn + 1)
                )
                return (session, account)
            })
        }
    }

    private static let selectSignedIn = """
        SELECT \(AccountRecord.selectedColumns), session.created_at, session.expires_at
        FROM session JOIN account ON account.id = session.account_id
        WHERE session.token_hash = ? AND session.expires_at > ?
        """

    public func revokeSession(tokenHash: [UInt8]) async throws {
        try await write { db in try db.run(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Data(tokenHash)]) }
    }

    public func enqueue(_ mail: QueuedMail) async throws {
        try await write { db in try db.insert(mail) }
    }

    /// The messages ``claimMail(now:leaseUntil:limit:)`` may claim at `:now`,
    /// which ``dropExpiredMail(now:)`` drops when their link expired.
    private static let dueMail = "finished_at IS NULL AND not_before <= :now AND (leased_until IS NULL OR leased_until <= :now)"

    public func claimMail(now: Date, leaseUntil: Date, limit: Int) async throws -> [QueuedMail] {
        try await write { db in
            let due = try db.all(
                sql: "SELECT * FROM outbox WHERE \(Self.dueMail) ORDER BY not_before, rowid LIMIT :limit",
                arguments: ["now": now.storedValue, "limit": limit], QueuedMail.init(row:)
            )
            for mail in due {
                try db.run(sql: "UPDATE outbox SET leased_until = ? WHERE id = ?", arguments: [leaseUntil.storedValue, mail.id])
            }
            return due
        }
    }

    public func finishMail(id: String, as disposition: MailDisposition, now: Date) async throws {
        try await write { db in
            switch disposition {
            case .retry(let notBefore):
                try db.run(
                    sql: "UPDATE outbox SET attempts = attempts + 1, not_before = ?, leased_until = NULL WHERE id = ?",
                    arguments: [notBefore.storedValue, id]
                )
            case .sent, .failed, .dropped:
                try db.run(
                    sql: "UPDATE outbox SET attempts = attempts + ?, finished_at = ?, disposition = ?, leased_until = NULL WHERE id = ?",
                    arguments: [disposition == .dropped ? 0 : 1, now.storedValue, "\(disposition)", id]
                )
            }
        }
    }

    public func dropExpiredMail(now: Date) async throws -> Int {
        try await write { db in
            try db.run(
                sql: "UPDATE outbox SET finished_at = :now, disposition = :dropped WHERE \(Self.dueMail) AND expires_at <= :now",
                arguments: ["now": now.storedValue, "dropped": "\(MailDisposition.dropped)"]
            )
            return db.changesCount
        }
    }

    public func purgeExpired(now: Date, finishedMailRetention: TimeInterval) async throws {
        try await write { db in
            let cutoff = now.storedValue
            try db.run(sql: "DELETE FROM link WHERE expires_at <= ?", arguments: [cutoff])
            try db.run(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [cutoff])
            try db.run(sql: "DELETE FROM pending_registration WHERE expires_at <= ?", arguments: [cutoff])
            try db.run(sql: "DELETE FROM limit_window WHERE ends_at <= ?", arguments: [cutoff])
            try db.run(sql: "DELETE FROM passkey_challenge WHERE expires_at <= ?", arguments: [cutoff])
            try db.run(
                sql: "DELETE FROM outbox WHERE finished_at IS NOT NULL AND finished_at <= ?",
                arguments: [(now - finishedMailRetention).storedValue]
            )
        }
    }

    public func checkHealth() async throws {
        _ = try await read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT 1")) }
    }
}
