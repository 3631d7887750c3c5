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
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``.
    public func confirmPasswordReset(token: String, newPassword: String, secondFactor: SecondFactor) async throws(MFAError) {
        var validation = FieldValidation()
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validate(newPassword, as: .newPassword) }
        let factor = validation.check { () throws(MFAError) in try validateShape(of: secondFactor) }
        try validation.finish()
        guard let password, let factor else { throw .internal }

        try await perform {
            let now = clock.now()
            let (link, account, accepted) = try await secondFactorCompletion(token, for: .passwordReset, with: factor, now: now)
            let change = AuthenticatedChange(
                accountID: account.id, consumingLink: use(of: link),
                newPasswordHash: try await passwords.hash(password), revokedSessions: .all,
                mail: [queue(composer.passwordChanged(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, burning: accepted)
        }
    }

    /// Changes the password of a signed-in user, who proves it again with the
    /// current password and a second factor: a TOTP code (the HTTP contract's), a
    /// passkey assertion, or a recovery code. Every other session is revoked and
    /// *Your password was changed* queued.
    ///
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``.
    public func changePassword(
        sessionToken: String, currentPassword: String, newPassword: String, secondFactor: SecondFactor
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

        try await perform {
            let now = clock.now()
            try admit(factor, for: account, now: now)
            let verification = try await passwords.verify(current, against: account.passwordHash)
            guard verification != .mismatch,
                  let accepted = try await accept(factor, for: account, binding: PasskeyBinding.session(session), now: now)
            else {
                throw try await failCompletion(of: account, through: nil, now: now)
            }
            let change = AuthenticatedChange(
                accountID: account.id,
                newPasswordHash: try await passwords.hash(password), revokedSessions: .allExcept(session.tokenHash),
                mail: [queue(composer.passwordChanged(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, burning: accepted)
        }
    }
}
