import Foundation
import MFACore
import PostgresNIO

extension PostgresStore {
    public func recordFailure(_ failure: FailedCompletion) async throws -> FailureOutcome {
        try await transaction { db in
            // The account first (locked: failures count one at a time), then the link, as every transaction orders them.
            let account = try await failure.accountID.asyncFlatMap { try await db.lockedAccount(id: $0) }
            if let lockedUntil = account?.lockedUntil, lockedUntil > failure.now { return .accountLocked(until: lockedUntil) }
            if let use = failure.link {
                let counted = try await db.run("""
                    UPDATE link SET attempts = attempts + 1
                    WHERE token_hash = \(use.tokenHash.bytea) AND expires_at > \(failure.now) AND attempts < \(use.maxAttempts)
                    RETURNING 1
                    """)
                guard counted == 1 else { return .linkUnusable }
            }
            guard let account else { return .counted(failures: 0, lockedUntil: nil) }
            let failures = account.consecutiveFailures + 1
            let lockedUntil = failure.policy.lockDuration(atFailures: failures).map { failure.now + $0 }
            try await db.run("""
                UPDATE account SET consecutive_failures = \(failures), locked_until = COALESCE(\(lockedUntil), locked_until)
                WHERE id = \(account.id)
                """)
            if let notice = failure.notice(atFailures: failures) { try await db.insert(notice) }
            return .counted(failures: failures, lockedUntil: lockedUntil)
        }
    }

    public func account(emailKey: String) async throws -> AccountRecord? {
        try await rows("SELECT * FROM account WHERE email_key = \(emailKey)").first.map(AccountRecord.init(row:))
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await rows("SELECT * FROM account WHERE id = \(id)").first.map(AccountRecord.init(row:))
    }

    public func pendingRegistration(subject: String, now: Date) async throws -> PendingRegistration? {
        try await rows("SELECT * FROM pending_registration WHERE subject = \(subject) AND expires_at > \(now)")
            .first.map(PendingRegistration.init(row:))
    }

    public func link(tokenHash: [UInt8], now: Date) async throws -> LinkRecord? {
        try await rows("SELECT * FROM link WHERE token_hash = \(tokenHash.bytea) AND expires_at > \(now)").first.map(LinkRecord.init(row:))
    }

    public func recoveryCodeCount(accountID: String) async throws -> Int {
        try await count("SELECT count(*) FROM recovery_code WHERE account_id = \(accountID)")
    }

    public func savePendingRegistration(_ registration: PendingRegistration, link: LinkRecord, mail: QueuedMail) async throws {
        try await transaction { db in
            try await db.replacePendingRegistration(with: registration)
            try await db.replaceLinks(with: link)
            try await db.insert(mail)
        }
    }

    public func issueLink(_ link: LinkRecord, mail: QueuedMail) async throws {
        try await transaction { db in
            try await db.replaceLinks(with: link)
            try await db.insert(mail)
        }
    }

    public func usableLink(tokenHash: [UInt8], purpose: LinkPurpose, maxAttempts: Int, now: Date) async throws -> LinkRecord? {
        try await rows("""
            SELECT * FROM link
            WHERE token_hash = \(tokenHash.bytea) AND purpose = \(purpose.rawValue) AND expires_at > \(now) AND attempts < \(maxAttempts)
            """).first.map(LinkRecord.init(row:))
    }

    public func createAccount(_ account: AccountRecord, recoveryCodeHashes: [[UInt8]], consumingLink link: LinkUse, now: Date) async throws {
        try await transaction { db in
            let consumed = try await db.run("""
                DELETE FROM link
                WHERE token_hash = \(link.tokenHash.bytea) AND purpose = \(LinkPurpose.createAccount.rawValue)
                    AND expires_at > \(now) AND attempts < \(link.maxAttempts)
                RETURNING 1
                """)
            guard consumed == 1 else { throw MFAStoreError.linkNotUsable }
            try await db.run("DELETE FROM pending_registration WHERE email_key = \(account.emailKey)")
            // The address's uniqueness decides, so that two links for one address cannot both create it.
            guard try await db.insertAccount(account) else { throw MFAStoreError.emailTaken }
            try await db.insertRecoveryCodes(recoveryCodeHashes, accountID: account.id)
        }
    }

    public func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        try await transaction { db in try await db.commit(change) }
    }

    public func session(tokenHash: [UInt8], now: Date) async throws -> SessionRecord? {
        try await rows("SELECT * FROM session WHERE token_hash = \(tokenHash.bytea) AND expires_at > \(now)").first.map(SessionRecord.init(row:))
    }

    public func signedIn(tokenHash: [UInt8], now: Date) async throws -> (SessionRecord, AccountRecord)? {
        let row = try await rows("""
            SELECT account.*, session.created_at AS session_created_at, session.expires_at AS session_expires_at
            FROM session JOIN account ON account.id = session.account_id
            WHERE session.token_hash = \(tokenHash.bytea) AND session.expires_at > \(now)
            """).first
        guard let row else { return nil }
        let account = try AccountRecord(row: row)
        let columns = Columns(row)
        let session = SessionRecord(
            tokenHash: tokenHash, accountID: account.id,
            createdAt: try columns("session_created_at"), expiresAt: try columns("session_expires_at")
        )
        return (session, account)
    }

    public func revokeSession(tokenHash: [UInt8]) async throws {
        _ = try await rows("DELETE FROM session WHERE token_hash = \(tokenHash.bytea)")
    }

    public func enqueue(_ mail: QueuedMail) async throws {
        _ = try await rows(try .insert(mail))
    }

    public func claimMail(now: Date, leaseUntil: Date, limit: Int) async throws -> [QueuedMail] {
        // Rows another worker is claiming right now are skipped, not waited for;
        // one it claimed meanwhile fails the lease condition when re-checked under the lock.
        try await rows("""
            WITH due AS (
                SELECT id FROM outbox
                WHERE finished_at IS NULL AND not_before <= \(now) AND (leased_until IS NULL OR leased_until <= \(now))
                ORDER BY not_before, queued LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox SET leased_until = \(leaseUntil) FROM due WHERE outbox.id = due.id
            RETURNING outbox.*
            """).map { row in (try QueuedMail(row: row), try Columns(row)("queued", as: Int64.self)) }
            .sorted { ($0.0.notBefore, $0.1) < ($1.0.notBefore, $1.1) }
            .map(\.0)
    }

    public func finishMail(id: String, as disposition: MailDisposition, now: Date) async throws {
        switch disposition {
        case .retry(let notBefore):
            _ = try await rows("UPDATE outbox SET attempts = attempts + 1, not_before = \(notBefore), leased_until = NULL WHERE id = \(id)")
        case .sent, .failed, .dropped:
            _ = try await rows("""
                UPDATE outbox SET attempts = attempts + \(disposition == .dropped ? 0 : 1), finished_at = \(now),
                    disposition = \("\(disposition)"), leased_until = NULL
                WHERE id = \(id)
                """)
        }
    }

    public func dropExpiredMail(now: Date) async throws -> Int {
        try await rows("""
            UPDATE outbox SET finished_at = \(now), disposition = \("\(MailDisposition.dropped)")
            WHERE finished_at IS NULL AND not_before <= \(now) AND (leased_until IS NULL OR leased_until <= \(now)) AND expires_at <= \(now)
            RETURNING id
            """).count
    }

    public func purgeExpired(now: Date, finishedMailRetention: TimeInterval) async throws {
        try await transaction { db in
            try await db.run("DELETE FROM link WHERE expires_at <= \(now)")
            try await db.run("DELETE FROM session WHERE expires_at <= \(now)")
            try await db.run("DELETE FROM pending_registration WHERE expires_at <= \(now)")
            try await db.run("DELETE FROM limit_window WHERE ends_at <= \(now)")
            try await db.run("DELETE FROM passkey_challenge WHERE expires_at <= \(now)")
            try await db.run("DELETE FROM outbox WHERE finished_at IS NOT NULL AND finished_at <= \(now - finishedMailRetention)")
        }
    }

    public func checkHealth() async throws {
        _ = try await rows("SELECT 1")
    }

    /// The single `count(*)` a query returns.
    func count(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).first.map { try $0.decode(Int.self) } ?? 0
    }
}

extension Optional {
    /// `flatMap` with an asynchronous transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
