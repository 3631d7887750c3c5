import Foundation

extension MFAService {
    /// Queues *Your sign-in link* when the address has an account.
    ///
    /// Answers the same for unknown addresses, and counts against the
    /// address's limits either way (see ``linkRequestEvents(for:audit:)``).
    ///
    /// - Parameter client: the network the request comes from.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestLogin(email: String, from client: ClientNetwork) async throws(MFAError) {
        try await sendLinkIfAccountExists(.login, email: email, from: client)
    }

    /// Completes a login with the password and a TOTP code, a recovery code or a passkey assertion.
    ///
    /// A TOTP time step is accepted once per account. Only wrong input counts,
    /// against the link (burned after five attempts) and the account (see
    /// ``LockPolicy``). A password hashed with older parameters is rehashed.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)`` while the account is locked
    ///   or for a TOTP code at the failure ceiling, ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func completeLogin(
        token: String, password: String, secondFactor: SecondFactor, from client: ClientNetwork
    ) async throws(MFAError) -> LoginResult {
        var validation = FieldValidation()
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validateForVerification(password, as: .password) }
        let factor = validation.check { () throws(MFAError) in try validateShape(of: secondFactor) }
        try validation.finish()
        guard let password, let factor else { throw .internal }

        let audit = audit(.link(.login), from: client)
        return try await perform {
            // First, so that an overloaded server refuses before any other work.
            let turn = try await passwords.takeTurn()
            let now = clock.now()
            let link = try await usableLink(token, for: .login, now: now, audit: audit)
            let account = try await account(of: link, audit: audit)
            try admit(factor, for: account, now: now, audit: audit)
            let (verification, accepted) = try await countingFailures(of: account, through: use(of: link), now: now, audit: audit) {
                let verification = try await passwords.verify(password, against: account.passwordHash, in: turn)
                guard verification != .mismatch else { throw RefusedCredential(reason: .wrongPassword) }
                return (verification, try await accept(factor, for: account, binding: PasskeyBinding.link(link), now: now))
            }
            return try await commitLogin(
                of: account, consumingLink: use(of: link), burning: accepted,
                newPasswordHash: verification == .matchNeedsRehash ? try await passwords.hash(password) : nil, now: now, audit: audit
            )
        }
    }

    /// Opens a session for `account`, whose factors were just accepted, records the
    /// login and answers it: what a login through a link and a sign-in with a passkey alone share.
    func commitLogin(
        of account: AccountRecord, consumingLink link: LinkUse?, burning accepted: AcceptedFactor, newPasswordHash: String?,
        now: Date, audit: Audit
    ) async throws -> LoginResult {
        let session = OpaqueToken.generate(using: random)
        let expiresAt = now + configuration.sessionLifetime
        let change = AuthenticatedChange(
            accountID: account.id, consumingLink: link, recordsLogin: true, newPasswordHash: newPasswordHash,
            newSession: SessionRecord(tokenHash: session.hash, accountID: account.id, createdAt: now, expiresAt: expiresAt),
            now: now
        )
        let outcome = try await commit(change, by: account, as: .loginSucceeded, audit: audit, burning: accepted)
        observer.record(.loginSucceeded)
        return LoginResult(
            email: account.email, lastLogin: outcome.previousLoginAt, sessionToken: session.value,
            expiresAt: expiresAt,
            // Also with none left (an imported account, or all used): the user must create new ones.
            recoveryCodesRemaining: accepted.usedRecoveryCode || outcome.recoveryCodesRemaining == 0
                ? outcome.recoveryCodesRemaining : nil
        )
    }

    /// Validates the address, counts the request, and queues a link of
    /// `purpose` if the address has an account.
    func sendLinkIfAccountExists(_ purpose: LinkPurpose, email: String, from client: ClientNetwork) async throws(MFAError) {
        let address = try EmailAddress(email)
        let audit = audit(.link(purpose), from: client)
        try await perform {
            let now = clock.now()
            let account = try await store.account(emailKey: address.key)
            let (link, mail) = link(purpose, to: account, address: address, now: now)
            // The count and the link in one write: a request is one trip to the store's writer.
            let retryAt = try await store.issueLink(link, mail: mail, countingAgainst: linkRequestEvents(for: address, audit: audit), now: now)
            try refuse(until: retryAt, now: now, recording: audit.event(.rateLimited, reason: .linksPerAddress))
            if account != nil { observer.record(.mailQueued) }
            audit.record(.linkRequested, account: account?.id, reason: account == nil ? .noAccount : nil)
        }
    }
}
