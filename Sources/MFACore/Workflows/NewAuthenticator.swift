import Foundation

extension MFAService {
    /// Queues *Set up a new authenticator*, only when the password is correct.
    ///
    /// Answers the same either way, and costs one password verification even
    /// for unknown addresses.
    ///
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestNewAuthenticator(email: String, password: String) async throws(MFAError) {
        try await sendLinkIfPasswordMatches(.newAuthenticator, email: email, password: password)
    }

    /// Issues a new TOTP secret and recovery codes through the emailed link.
    /// The old ones stop working, every session is revoked, and *Your
    /// authenticator was reset* is queued.
    ///
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/unavailable``.
    public func confirmNewAuthenticator(token: String) async throws(MFAError) -> Enrollment {
        try await perform {
            let now = clock.now()
            let link = try await beginAttempt(on: token, for: .newAuthenticator, now: now)
            guard let account = try await store.account(id: link.subject) else { throw MFAError.linkInvalid }
            let (enrollment, authenticator, recoveryCodeHashes) = try await enroll(accountID: account.id, email: account.email)
            try await store.replaceAuthenticator(
                accountID: account.id, with: authenticator, recoveryCodeHashes: recoveryCodeHashes,
                consumingLink: link.tokenHash, mail: queue(composer.authenticatorReset(to: account.email), now: now), now: now
            )
            return enrollment
        }
    }

    /// Validates the credentials' shape, counts the request, and queues a link
    /// of `purpose` only if the address has an account and the password matches.
    func sendLinkIfPasswordMatches(_ purpose: LinkPurpose, email: String, password: String) async throws(MFAError) {
        var validation = FieldValidation()
        let address = validation.check { () throws(MFAError) in try EmailAddress(email) }
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validateForVerification(password, as: .password) }
        try validation.finish()
        guard let address, let password else { return }

        try await perform {
            let now = clock.now()
            try await admitLinkRequest(for: address, now: now)
            let account = try await store.account(emailKey: address.key)
            let storedHash = if let account { account.passwordHash } else { try await decoyPasswordHash() }
            let verification = try await passwords.verify(password, against: storedHash)
            guard let account, verification != .mismatch else { return }
            try await sendLink(purpose, subject: account.id, to: account.email, now: now)
        }
    }
}
