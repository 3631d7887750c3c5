import Foundation

extension MFAService {
    /// Queues *Set up a new authenticator*, only when the password is correct.
    ///
    /// Answers the same either way, and costs one password verification even
    /// for unknown addresses.
    ///
    /// - Parameter client: the network the request comes from.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestNewAuthenticator(email: String, password: String, from client: ClientNetwork) async throws(MFAError) {
        try await sendLinkIfPasswordMatches(.newAuthenticator, email: email, password: password, from: client)
    }

    /// Issues a new TOTP secret and recovery codes through the emailed link,
    /// with a current second factor: a password and a mailbox alone never
    /// replace the authenticator. A wrong factor counts like a failed login.
    /// The old secret and codes stop working, every session is revoked, and
    /// *Your authenticator was reset* is queued.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func confirmNewAuthenticator(token: String, secondFactor: SecondFactor, from client: ClientNetwork) async throws(MFAError) -> Enrollment {
        try await replaceAuthenticator(through: token, proof: .secondFactor(try validateShape(of: secondFactor)), from: client)
    }

    /// Issues a new TOTP secret and recovery codes through the link an operator
    /// sent (``resetAuthenticator(email:)``), asking for no second factor; otherwise
    /// as ``confirmNewAuthenticator(token:secondFactor:from:)``: the old secret and
    /// codes stop working, every session is revoked, the failure count and any
    /// lock are cleared, and *Your authenticator was reset* is queued.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func confirmAuthenticatorReset(token: String, from client: ClientNetwork) async throws(MFAError) -> Enrollment {
        try await replaceAuthenticator(through: token, proof: .operatorCheckedIdentity, from: client)
    }

    /// Replaces the authenticator of the link's account once `proof` holds.
    private func replaceAuthenticator(
        through token: String, proof: AuthenticatorReplacementProof, from client: ClientNetwork
    ) async throws(MFAError) -> Enrollment {
        let audit = audit(.link(proof.purpose), from: client)
        return try await perform {
            let now = clock.now()
            let link: LinkRecord, account: AccountRecord, accepted: AcceptedFactor?
            switch proof {
            case .secondFactor(let factor):
                (link, account, accepted) = try await secondFactorCompletion(token, for: proof.purpose, with: factor, now: now, audit: audit)
            case .operatorCheckedIdentity:
                link = try await usableLink(token, for: proof.purpose, now: now, audit: audit)
                let owner = try await self.account(of: link, audit: audit)
                // A lock slows the guessing of a factor, and this link asks for none:
                // lifted here, or a lock since the operator's command would stop the owner.
                try await store.unlockAccount(id: owner.id)
                (account, accepted) = (owner, nil)
            }
            let (enrollment, authenticator, recoveryCodeHashes) = try await enroll(accountID: account.id, email: account.email)
            let change = AuthenticatedChange(
                accountID: account.id, consumingLink: use(of: link),
                replacesAuthenticator: AuthenticatorReplacement(authenticator: authenticator, recoveryCodeHashes: recoveryCodeHashes),
                revokedSessions: .all, mail: [queue(composer.authenticatorReset(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .authenticatorReplaced, audit: audit, burning: accepted)
            return enrollment
        }
    }

    /// Validates the credentials' shape, counts the request, and queues a link
    /// of `purpose` only if the address has an account and the password matches
    /// (otherwise an equal decoy: see ``sendLink(_:to:address:now:)``).
    func sendLinkIfPasswordMatches(_ purpose: LinkPurpose, email: String, password: String, from client: ClientNetwork) async throws(MFAError) {
        var validation = FieldValidation()
        let address = validation.check { () throws(MFAError) in try EmailAddress(email) }
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validateForVerification(password, as: .password) }
        try validation.finish()
        guard let address, let password else { return }

        let audit = audit(.link(purpose), from: client)
        try await perform {
            let now = clock.now()
            try await admitLinkRequest(for: address, audit: audit, now: now)
            let account = try await store.account(emailKey: address.key)
            let storedHash = if let account { account.passwordHash } else { try await decoyPasswordHash() }
            let verification = try await passwords.verify(password, against: storedHash)
            let refusal: SecurityEvent.Reason? = account == nil ? .noAccount : verification == .mismatch ? .wrongPassword : nil
            try await sendLink(purpose, to: refusal == nil ? account : nil, address: address, now: now)
            audit.record(.linkRequested, account: account?.id, reason: refusal)
        }
    }
}

/// What proves that the holder of a link replacing the authenticator owns the
/// account: the one place where an operator's link differs from the owner's.
enum AuthenticatorReplacementProof {
    /// The owner's own link (``LinkPurpose/newAuthenticator``) needs a current
    /// second factor: a password and a mailbox alone never replace the authenticator.
    case secondFactor(SecondFactor)
    /// An operator's link (``LinkPurpose/authenticatorResetByOperator``) needs
    /// none: the operator checked the owner's identity out of band, for an
    /// owner who lost both the authenticator and the recovery codes.
    case operatorCheckedIdentity

    /// The purpose of the links that this proof completes; a link of the other never does.
    var purpose: LinkPurpose {
        switch self {
        case .secondFactor: .newAuthenticator
        case .operatorCheckedIdentity: .authenticatorResetByOperator
        }
    }
}
