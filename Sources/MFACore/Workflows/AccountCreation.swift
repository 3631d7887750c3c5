import Foundation

extension MFAService {
    /// Starts a registration: stores it pending and queues *Confirm your new account*.
    ///
    /// Answers the same whether or not the address has an account; when it
    /// has one, *An account already exists for this address* is queued instead,
    /// with no link. Both paths hash the password, seal one email and write
    /// three rows in one transaction, so they cost the same.
    ///
    /// - Parameter client: the network the request comes from.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestAccountCreation(email: String, password: String, fullName: String? = nil, from client: ClientNetwork) async throws(MFAError) {
        var validation = FieldValidation()
        let address = validation.check { () throws(MFAError) in try EmailAddress(email) }
        let password = validation.check { () throws(MFAError) in try passwordPolicy.validate(password, as: .password) }
        let fullName = validation.check { () throws(MFAError) in try FullName.validate(fullName) }
        try validation.finish()
        guard let address, let password else { return }

        let audit = audit(.link(.createAccount), from: client)
        try await perform {
            let now = clock.now()
            try await admitLinkRequest(for: address, audit: audit, now: now)
            let passwordHash = try await passwords.hash(password)
            // Computed on both paths, so that the work is the same.
            let subject = try await hashKey().registrationSubject(emailKey: address.key)
            if let existing = try await store.account(emailKey: address.key) {
                // The same three rows in one transaction as a registration, with the
                // real email among them: an expired decoy registration and link for
                // a key no address has, so that timing does not tell who registered.
                let link = makeDecoyLink(.createAccount, now: now)
                let decoy = PendingRegistration(
                    email: address.value, emailKey: link.subject, subject: link.subject, fullName: fullName ?? nil,
                    passwordHash: passwordHash, expiresAt: now
                )
                try await store.savePendingRegistration(decoy, link: link, mail: queue(composer.accountExists(to: address.value), now: now))
                audit.record(.linkRequested, account: existing.id, reason: .accountExists)
                return
            }
            let (link, mail) = makeLink(.createAccount, subject: subject, to: address.value, now: now)
            let registration = PendingRegistration(
                email: address.value, emailKey: address.key, subject: subject, fullName: fullName ?? nil,
                passwordHash: passwordHash, expiresAt: link.expiresAt
            )
            try await store.savePendingRegistration(registration, link: link, mail: mail)
            observer.record(.mailQueued)
            audit.record(.linkRequested, account: nil)
        }
    }

    /// Completes a registration: checks the password again and creates the account.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Returns: the TOTP secret and recovery codes, shown to the user once.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed`` for a
    ///   wrong password (the link burns after five), ``MFAError/invalidFields(_:)``.
    public func confirmAccountCreation(token: String, passwordAgain: String, from client: ClientNetwork) async throws(MFAError) -> Enrollment {
        let password = try passwordPolicy.validateForVerification(passwordAgain, as: .passwordAgain)
        let audit = audit(.link(.createAccount), from: client)
        return try await perform {
            // First, so that an overloaded server refuses before any other work.
            let turn = try await passwords.takeTurn()
            let now = clock.now()
            let link = try await usableLink(token, for: .createAccount, now: now, audit: audit)
            guard let registration = try await store.pendingRegistration(subject: link.subject, now: now) else {
                throw audit.refuse(.linkInvalid, account: nil, with: MFAError.linkInvalid)
            }
            try await countingFailures(of: nil, through: use(of: link), now: now, audit: audit) {
                guard try await passwords.verify(password, against: registration.passwordHash, in: turn) != .mismatch else {
                    throw RefusedCredential(reason: .wrongPassword)
                }
            }
            let accountID = random.uuidString()
            let (enrollment, authenticator, recoveryCodeHashes) = try await enroll(accountID: accountID, email: registration.email)
            let account = AccountRecord(
                id: accountID, email: registration.email, emailKey: registration.emailKey,
                fullName: registration.fullName, passwordHash: registration.passwordHash,
                authenticator: authenticator, createdAt: now
            )
            do {
                try await store.createAccount(account, recoveryCodeHashes: recoveryCodeHashes, consumingLink: use(of: link), now: now)
            } catch let error as MFAStoreError {
                // The link used, or the address registered, by another request meanwhile.
                throw audit.refuse(error, account: nil)
            }
            audit.record(.accountCreated, account: accountID)
            return enrollment
        }
    }
}
