import Foundation
import GRDB
import MFACore

extension Database {
    /// ``MFACore/MFAStore/commit(_:)`` inside the caller's transaction: every
    /// check first (a throw rolls the transaction back), then the effects.
    func commit(_ change: AuthenticatedChange) throws -> AuthenticatedChangeOutcome {
        // The link first: every loser of a race on it must see linkNotUsable.
        if let link = change.consumingLink { try consumeLink(link, subject: change.accountID, now: change.now) }
        guard let account = try account(id: change.accountID) else { throw MFAStoreError.accountNotFound }
        if let lockedUntil = account.lockedUntil, lockedUntil > change.now { throw MFAStoreError.accountLocked(until: lockedUntil) }
        if change.refusesTOTP(atFailures: account.consecutiveFailures) { throw MFAStoreError.totpRefusedAtCeiling }
        if let step = change.acceptedTimeStep {
            if let last = account.lastAcceptedTimeStep, step <= last { throw MFAStoreError.timeStepAlreadyUsed }
            try run(sql: "UPDATE account SET last_time_step = ? WHERE id = ?", arguments: [Int64(step), account.id])
        }
        if let code = change.recoveryCodeHash {
            try run(sql: "DELETE FROM recovery_code WHERE account_id = ? AND code_hash = ?", arguments: [account.id, Data(code)])
            guard changesCount == 1 else { throw MFAStoreError.recoveryCodeNotFound }
        }
        if let use = change.passkeyUse { try recordPasskeyUse(use, by: account.id, now: change.now) }
        if let id = change.removesPasskey {
            try run(sql: "DELETE FROM passkey WHERE id = ? AND account_id = ?", arguments: [id, account.id])
            guard changesCount == 1 else { throw MFAStoreError.passkeyNotFound }
        }
        for mail in change.mail { try insert(mail) }
        if change.deletesAccount {
            try delete(account)
            return AuthenticatedChangeOutcome(previousLoginAt: nil, recoveryCodesRemaining: 0)
        }
        if change.recordsLogin {
            try run(sql: "UPDATE account SET last_login_at = ? WHERE id = ?", arguments: [change.now.storedValue, account.id])
        }
        if let hash = change.newPasswordHash {
            try run(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, account.id])
        }
        if let replacement = change.replacesAuthenticator { try replaceAuthenticator(of: account.id, with: replacement) }
        if let hashes = change.replacesRecoveryCodes { try replaceRecoveryCodes(of: account.id, with: hashes) }
        try run(sql: "UPDATE account SET consecutive_failures = 0, locked_until = NULL WHERE id = ?", arguments: [account.id])
        try revokeSessions(of: account.id, change.revokedSessions)
        if let session = change.newSession { try insert(session) }
        let remaining = try Int.fetchOne(cachedStatement(sql: "SELECT COUNT(*) FROM recovery_code WHERE account_id = ?"), arguments: [account.id]) ?? 0
        if let notice = change.recoveryCodeNotice?(remaining) { try insert(notice) }
        return AuthenticatedChangeOutcome(
            previousLoginAt: change.recordsLogin ? account.lastLoginAt : nil,
            recoveryCodesRemaining: remaining
        )
    }

    private func replaceAuthenticator(of accountID: String, with replacement: AuthenticatorReplacement) throws {
        let authenticator = replacement.authenticator
        try run(
            sql: """
                UPDATE account SET totp_sealed_secret = ?, totp_algorithm = ?, totp_digits = ?, totp_period = ?,
                    last_time_step = NULL WHERE id = ?
                """,
            arguments: [
                Data(authenticator.sealedSecret), authenticator.algorithm.rawValue,
                authenticator.digits, authenticator.period, accountID,
            ]
        )
        try replaceRecoveryCodes(of: accountID, with: replacement.recoveryCodeHashes)
    }

    private func replaceRecoveryCodes(of accountID: String, with hashes: [[UInt8]]) throws {
        try run(sql: "DELETE FROM recovery_code WHERE account_id = ?", arguments: [accountID])
        try insertRecoveryCodes(hashes, accountID: accountID)
    }

    /// Stores the counter and last use of the account's passkey, if the counter follows the stored one
    /// (``MFACore/PasskeyUse/follows(_:)``, here in SQL).
    private func recordPasskeyUse(_ use: PasskeyUse, by accountID: String, now: Date) throws {
        try run(
            sql: """
                UPDATE passkey SET sign_count = ?, last_used_at = ?
                WHERE credential_id = ? AND account_id = ? AND (sign_count < ? OR (sign_count = 0 AND ? = 0))
                """,
            arguments: [Int64(use.signCount), now.storedValue, Data(use.credentialID), accountID, Int64(use.signCount), Int64(use.signCount)]
        )
        guard changesCount == 0 else { return }
        let owned = try Bool.fetchOne(
            cachedStatement(sql: "SELECT 1 FROM passkey WHERE credential_id = ? AND account_id = ?"), arguments: [Data(use.credentialID), accountID]
        )
        throw owned == nil ? MFAStoreError.passkeyNotFound : MFAStoreError.signCountNotIncreased
    }

    /// Deletes an account; its sessions, recovery codes and passkeys go with it (ON DELETE CASCADE).
    func delete(_ account: AccountRecord) throws {
        try run(sql: "DELETE FROM account WHERE id = ?", arguments: [account.id])
        try run(
            sql: "DELETE FROM link WHERE subject = ? OR subject IN (SELECT subject FROM pending_registration WHERE email_key = ?)",
            arguments: [account.id, account.emailKey]
        )
        try run(sql: "DELETE FROM pending_registration WHERE email_key = ?", arguments: [account.emailKey])
    }
}
