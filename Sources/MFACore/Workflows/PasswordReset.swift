import Foundation

extension MFAService {
    /// Queues *Reset your password* when the address has an account.
    ///
    /// - Parameter client: the network the request comes from.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestPasswordReset(email: String, from client: ClientNetwork) async throws(MFAError) {
        try await sendLinkIfAccountExists(.passwordReset, email: email, from: client)
    }

    /// Sets a new password through a reset link. The second factor is required,
    /// so a mailbox alone never takes over an account; failures count like
    /// failed logins. Every session is revoked and *Your password was changed* queued.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``.
    public func confirmPasswordReset(
        token: String, newPassword: String, secondFactor: SecondFactor, from client: ClientNetwork
    ) async throws(MFAError) {
        var validation = FieldValidation()
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validate(newPassword, as: .newPassword) }
        let factor = validation.check { () throws(MFAError) in try validateShape(of: secondFactor) }
        try validation.finish()
        guard let password, let factor else { throw .internal }

        let audit = audit(.link(.passwordReset), from: client)
        try await perform {
            let now = clock.now()
            let (link, account, accepted) = try await secondFactorCompletion(token, for: .passwordReset, with: factor, now: now, audit: audit)
            let change = AuthenticatedChange(
                accountID: account.id, consumingLink: use(of: link),
                newPasswordHash: try await passwords.hash(password), revokedSessions: .all,
                mail: [queue(composer.passwordChanged(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .passwordReset, audit: audit, burning: accepted)
        }
    }

    /// Changes the password of a signed-in user, who proves it again with the
    /// current password and a second factor: a TOTP code or a passkey assertion
    /// (the HTTP contract's), or a recovery code. Every other session is revoked and
    /// *Your password was changed* queued.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``.
    public func changePassword(
        sessionToken: String, currentPassword: String, newPassword: String, secondFactor: SecondFactor, from client: ClientNetwork
    ) async throws(MFAError) {
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        var validation = FieldValidation()
        let current = validation.check { () throws(MFAError) in
            try passwordPolicy.validateForVerification(currentPassword, as: .currentPassword)
        }
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validate(newPassword, as: .newPassword) }
        let factor = validation.check { () throws(MFAError) in try validateShape(of: secondFactor) }
        try validation.finish()
        guard let current, let password, let factor else { throw .internal }

        let audit = audit(.passwordChange, from: client)
        try await perform {
            let now = clock.now()
            try admit(factor, for: account, now: now, audit: audit)
            let accepted = try await countingFailures(of: account, through: nil, now: now, audit: audit) {
                guard try await passwords.verify(current, against: account.passwordHash) != .mismatch else {
                    throw RefusedCredential(reason: .wrongPassword)
                }
                return try await accept(factor, for: account, binding: PasskeyBinding.session(session), now: now)
            }
            let change = AuthenticatedChange(
                accountID: account.id,
                newPasswordHash: try await passwords.hash(password), revokedSessions: .allExcept(session.tokenHash),
                mail: [queue(composer.passwordChanged(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .passwordChanged, audit: audit, burning: accepted)
        }
    }
}
