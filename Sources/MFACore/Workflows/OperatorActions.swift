import Foundation

/// What an operator sees of an account: state and factors, never a secret.
public struct AccountReport: Sendable, Hashable {
    /// The account's id.
    public var id: String
    /// The address as registered.
    public var email: String
    /// When the account was created.
    public var createdAt: Date
    /// The latest successful sign-in.
    public var lastLogin: Date?
    /// Failed completions since the last success.
    public var consecutiveFailures: Int
    /// Until when completions are refused, if that is later than now.
    public var lockedUntil: Date?
    /// Whether the failures reached the ceiling, so TOTP codes are refused until an unlock or a success.
    public var atFailureCeiling: Bool
    /// The password hash's algorithm (`argon2id`, `scrypt`, or `2b` for an imported bcrypt hash).
    public var passwordAlgorithm: String
    /// The authenticator's parameters.
    public var totpAlgorithm: OTPAlgorithm
    /// Digits per code.
    public var totpDigits: Int
    /// Seconds per time step.
    public var totpPeriod: Int
    /// Unused recovery codes.
    public var recoveryCodes: Int
    /// Unexpired sessions.
    public var sessions: Int
}

extension MFAService {
    /// The account of `email`, as an operator sees it, or `nil` when there is none.
    ///
    /// - Throws: ``MFAError/invalidFields(_:)`` for a malformed address, ``MFAError/unavailable``.
    public func accountReport(email: String) async throws(MFAError) -> AccountReport? {
        let address = try EmailAddress(email)
        return try await perform {
            let now = clock.now()
            guard let account = try await store.account(emailKey: address.key) else { return nil }
            let sealed = account.authenticator
            return AccountReport(
                id: account.id, email: account.email, createdAt: account.createdAt, lastLogin: account.lastLoginAt,
                consecutiveFailures: account.consecutiveFailures,
                lockedUntil: account.lockedUntil.flatMap { $0 > now ? $0 : nil },
                atFailureCeiling: configuration.lockPolicy.refusesTOTP(atFailures: account.consecutiveFailures),
                passwordAlgorithm: account.passwordHash.split(separator: "$").first.map(String.init) ?? "unknown",
                totpAlgorithm: sealed.algorithm, totpDigits: sealed.digits, totpPeriod: sealed.period,
                recoveryCodes: try await store.recoveryCodeCount(accountID: account.id),
                sessions: try await store.sessionCount(accountID: account.id, now: now)
            )
        }
    }

    /// Clears the lock and the failure count of the account of `email`, lifting the failure ceiling.
    /// Records ``SecurityEvent/Kind/accountUnlocked`` with the reason `operator`, as each action here records its event.
    ///
    /// - Returns: the account's id, or `nil` when the address has no account.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func unlockAccount(email: String) async throws(MFAError) -> String? {
        try await operate(on: email, recording: .accountUnlocked) { account in try await store.unlockAccount(id: account.id) }
    }

    /// Ends every session of the account of `email`.
    ///
    /// - Returns: the account's id and the number of sessions ended, or `nil` when the address has no account.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func revokeSessions(email: String) async throws(MFAError) -> (accountID: String, revoked: Int)? {
        try await revokeSessions(email: email) { _ in }
    }

    /// Ends every session of the account of `email` at once, and mails its owner a
    /// link (``LinkPurpose/authenticatorResetByOperator``) that sets up a new
    /// authenticator without asking for the old factor: for an owner who lost both
    /// the authenticator and the recovery codes, once the operator has checked who
    /// they are. The link lives as long as any (``MFAConfiguration/linkLifetime``);
    /// using it is ``confirmAuthenticatorReset(token:from:)``.
    ///
    /// - Returns: the account's id and the number of sessions ended, or `nil` when the address has no account.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func resetAuthenticator(email: String) async throws(MFAError) -> (accountID: String, revoked: Int)? {
        try await revokeSessions(email: email) { account in
            try await sendLink(.authenticatorResetByOperator, subject: account.id, to: account.email, now: clock.now())
            record(SecurityEvent(.linkRequested, accountID: account.id, purpose: .link(.authenticatorResetByOperator), reason: .operator))
        }
    }

    /// Deletes the account of `email` with everything it owns, and queues *Your account was deleted*.
    ///
    /// - Returns: the deleted account's id, or `nil` when the address has no account.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func deleteAccount(email: String) async throws(MFAError) -> String? {
        let id = try await operate(on: email, recording: .accountDeleted) { account in
            try await store.deleteAccount(id: account.id, mail: queue(composer.accountDeleted(to: account.email), now: clock.now()))
        }
        if let id { record(SecurityEvent(.sessionsRevoked, accountID: id, reason: .operator)) }
        return id
    }

    /// Counts of accounts, locked accounts, pending registrations and queued mail.
    ///
    /// - Throws: ``MFAError/unavailable``.
    public func storeSummary() async throws(MFAError) -> StoreSummary {
        try await perform { try await store.summary(now: clock.now(), failureCeiling: configuration.lockPolicy.ceiling) }
    }

    /// Ends every session of the account of `email`, then runs `action` on it.
    private func revokeSessions(
        email: String, then action: (AccountRecord) async throws -> Void
    ) async throws(MFAError) -> (accountID: String, revoked: Int)? {
        var revoked = 0
        let id = try await operate(on: email, recording: .sessionsRevoked) { account in
            revoked = try await store.revokeSessions(accountID: account.id)
            try await action(account)
        }
        return id.map { ($0, revoked) }
    }

    /// Runs `action` on the account of `email` and records it as an operator's
    /// `kind`, answering the account's id, or `nil` when there is none (also
    /// when it went away meanwhile).
    private func operate(
        on email: String, recording kind: SecurityEvent.Kind, _ action: (AccountRecord) async throws -> Void
    ) async throws(MFAError) -> String? {
        let address = try EmailAddress(email)
        return try await perform {
            guard let account = try await store.account(emailKey: address.key) else { return nil }
            do {
                try await action(account)
            } catch MFAStoreError.accountNotFound {
                return nil
            }
            record(SecurityEvent(kind, accountID: account.id, reason: .operator))
            return account.id
        }
    }
}
