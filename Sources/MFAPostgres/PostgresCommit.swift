import Foundation
import MFACore

extension Transaction {
    /// ``MFACore/MFAStore/commit(_:)`` inside the caller's transaction: every
    /// check first (a throw rolls the transaction back), then the effects.
    ///
    /// The account row is locked first, so that concurrent changes of one
    /// account take turns and each checks the lock, the failure ceiling and the
    /// last accepted time step as the one before left them. The link is checked
    /// before the account's existence, so every loser of a race on it sees
    /// ``MFAStoreError/linkNotUsable`` even when the winner deleted the account.
    func commit(_ change: AuthenticatedChange) async throws -> AuthenticatedChangeOutcome {
        let found = try await lockedAccount(id: change.accountID)
        if let link = change.consumingLink { try await consumeLink(link, subject: change.accountID, now: change.now) }
        guard let account = found else { throw MFAStoreError.accountNotFound }
        if let lockedUntil = account.lockedUntil, lockedUntil > change.now { throw MFAStoreError.accountLocked(until: lockedUntil) }
        if change.refusesTOTP(atFailures: account.consecutiveFailures) { throw MFAStoreError.totpRefusedAtCeiling }
        if let step = change.acceptedTimeStep, let last = account.lastAcceptedTimeStep, step <= last {
            throw MFAStoreError.timeStepAlreadyUsed
        }
        if let code = change.recoveryCodeHash {
            let used = try await run("DELETE FROM recovery_code WHERE account_id = \(account.id) AND code_hash = \(code.bytea) RETURNING 1")
            guard used == 1 else { throw MFAStoreError.recoveryCodeNotFound }
        }
        if let use = change.passkeyUse { try await recordPasskeyUse(use, by: account.id, now: change.now) }
        if let id = change.removesPasskey {
            let removed = try await run("DELETE FROM passkey WHERE id = \(id) AND account_id = \(account.id) RETURNING 1")
            guard removed == 1 else { throw MFAStoreError.passkeyNotFound }
        }
        for mail in change.mail { try await insert(mail) }
        if change.deletesAccount {
            try await delete(account)
            return AuthenticatedChangeOutcome(previousLoginAt: nil, recoveryCodesRemaining: 0)
        }
        // One statement for the account's own columns: a success clears the failures and the lock.
        try await run("""
            UPDATE account SET last_time_step = COALESCE(\(change.acceptedTimeStep.map { Int64($0) }), last_time_step),
                last_login_at = \(change.recordsLogin ? change.now : account.lastLoginAt),
                password_hash = COALESCE(\(change.newPasswordHash), password_hash),
                consecutive_failures = 0, locked_until = NULL
            WHERE id = \(account.id)
            """)
        if let replacement = change.replacesAuthenticator { try await replaceAuthenticator(of: account.id, with: replacement) }
        if let hashes = change.replacesRecoveryCodes { try await replaceRecoveryCodes(of: account.id, with: hashes) }
        try await revokeSessions(of: account.id, change.revokedSessions)
        if let session = change.newSession { try await insert(session) }
        let remaining = try await rows("SELECT count(*) FROM recovery_code WHERE account_id = \(account.id)").first?.decode(Int.self) ?? 0
        if let notice = change.recoveryCodeNotice?(remaining) { try await insert(notice) }
        return AuthenticatedChangeOutcome(
            previousLoginAt: change.recordsLogin ? account.lastLoginAt : nil,
            recoveryCodesRemaining: remaining
        )
    }

    private func replaceAuthenticator(of accountID: String, with replacement: AuthenticatorReplacement) async throws {
        let authenticator = replacement.authenticator
        try await run("""
            UPDATE account SET totp_sealed_secret = \(authenticator.sealedSecret.bytea), totp_algorithm = \(authenticator.algorithm.rawValue),
                totp_digits = \(authenticator.digits), totp_period = \(authenticator.period), last_time_step = NULL
            WHERE id = \(accountID)
            """)
        try await replaceRecoveryCodes(of: accountID, with: replacement.recoveryCodeHashes)
    }

    private func replaceRecoveryCodes(of accountID: String, with hashes: [[UInt8]]) async throws {
        try await run("DELETE FROM recovery_code WHERE account_id = \(accountID)")
        try await insertRecoveryCodes(hashes, accountID: accountID)
    }
}
