import Foundation

/// The steps every completion shares — a login, a password reset or change,
/// a new authenticator, a deletion, a registration — so that each is checked
/// and counted the same way.
///
/// Order matters: the link is only looked at (an attempt is spent only by
/// wrong credentials), then the factor's shape, the lock and the ceiling are
/// checked on a snapshot so refused requests cost no hashing; the store checks
/// the lock and the ceiling again inside the commit, where races cannot pass them.
extension MFAService {
    /// The usable link `token` of `purpose`, counting nothing.
    ///
    /// - Throws: ``MFAError/linkInvalid``.
    func usableLink(_ token: String, for purpose: LinkPurpose, now: Date, audit: Audit) async throws -> LinkRecord {
        let link = try await store.usableLink(
            tokenHash: OpaqueToken.hash(of: token), purpose: purpose,
            maxAttempts: configuration.attemptsPerLink, now: now
        )
        guard let link else { throw audit.refuse(.linkInvalid, account: nil, with: MFAError.linkInvalid) }
        return link
    }

    /// The account `link` was made for; one that is gone makes the link invalid.
    ///
    /// - Throws: ``MFAError/linkInvalid``.
    func account(of link: LinkRecord, audit: Audit) async throws -> AccountRecord {
        guard let account = try await store.account(id: link.subject) else {
            throw audit.refuse(.linkInvalid, account: nil, with: MFAError.linkInvalid)
        }
        return account
    }

    /// The link as a completion consumes or counts it.
    func use(of link: LinkRecord) -> LinkUse {
        LinkUse(tokenHash: link.tokenHash, maxAttempts: configuration.attemptsPerLink)
    }

    /// The link `token` of `purpose`, its account, and `factor` accepted for it:
    /// the part that completions through a link asking only for a second factor share.
    ///
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/invalidFields(_:)``, a lock or the
    ///   ceiling (as ``MFAStoreError``), ``MFAError/authenticationFailed`` after counting a wrong factor.
    func secondFactorCompletion(
        _ token: String, for purpose: LinkPurpose, with factor: SecondFactor, now: Date, audit: Audit
    ) async throws -> (LinkRecord, AccountRecord, AcceptedFactor) {
        let link = try await usableLink(token, for: purpose, now: now, audit: audit)
        let account = try await account(of: link, audit: audit)
        try admit(factor, for: account, now: now, audit: audit)
        let accepted = try await countingFailures(of: account, through: use(of: link), now: now, audit: audit) {
            try await accept(factor, for: account, binding: PasskeyBinding.link(link), now: now)
        }
        return (link, account, accepted)
    }

    /// Refuses, counting nothing, a second factor that the account cannot
    /// accept now: a TOTP code of another length (422), a locked account, or a
    /// TOTP code at the failure ceiling (429).
    func admit(_ factor: SecondFactor, for account: AccountRecord, now: Date, audit: Audit) throws {
        if case .totpCode(let code) = factor, code.count != account.authenticator.digits {
            throw MFAError.invalid(.totpCode, "A code has \(account.authenticator.digits) digits.")
        }
        try admitCompletion(for: account, now: now, audit: audit)
        if case .totpCode = factor, configuration.lockPolicy.refusesTOTP(atFailures: account.consecutiveFailures) {
            throw audit.refuse(.failureCeiling, account: account.id, with: MFAStoreError.totpRefusedAtCeiling)
        }
    }

    /// Refuses completions on a locked account, even with correct input.
    func admitCompletion(for account: AccountRecord, now: Date, audit: Audit) throws {
        if let lockedUntil = account.lockedUntil, lockedUntil > now {
            throw audit.refuse(.accountLocked, account: account.id, with: MFAStoreError.accountLocked(until: lockedUntil))
        }
    }

    /// Runs the credential checks of `check`; a ``RefusedCredential`` it throws
    /// is counted as a failed completion and answered (see ``failCompletion(of:through:because:now:audit:)``).
    func countingFailures<Checked>(
        of account: AccountRecord?, through link: LinkUse?, now: Date, audit: Audit, _ check: () async throws -> Checked
    ) async throws -> Checked {
        do {
            return try await check()
        } catch let refused as RefusedCredential {
            throw try await failCompletion(of: account, through: link, because: refused.reason, now: now, audit: audit)
        }
    }

    /// Records a completion failed for `reason` in one store step and answers
    /// it: 401 when counted, 429 when the account was locked meanwhile, 410 when
    /// the link burned meanwhile. A failure that locks the account is recorded too.
    func failCompletion(
        of account: AccountRecord?, through link: LinkUse?, because reason: SecurityEvent.Reason, now: Date, audit: Audit
    ) async throws -> MFAError {
        if audit.purpose == .link(.login) || audit.purpose == .passkeySignIn { observer.record(.loginFailed) }
        audit.record(.completionFailed, account: account?.id, reason: reason)
        let policy = configuration.lockPolicy
        // Sealed before the transaction, queued by it only when this failure calls for one.
        let notices = account.map { account in
            (firstLock: outbox.queue(composer.repeatedFailures(to: account.email, failures: policy.failuresPerLock, totpRefused: false), now: now),
             ceiling: outbox.queue(composer.repeatedFailures(to: account.email, failures: policy.ceiling, totpRefused: true), now: now))
        }
        let failure = FailedCompletion(
            link: link, accountID: account?.id, policy: policy,
            firstLockNotice: notices?.firstLock, ceilingNotice: notices?.ceiling, now: now
        )
        switch try await store.recordFailure(failure) {
        case .counted(let failures, let lockedUntil):
            if failure.notice(atFailures: failures) != nil { observer.record(.mailQueued) }
            if let account, failures == policy.ceiling || lockedUntil != nil {
                audit.record(.accountLocked, account: account.id, reason: failures == policy.ceiling ? .failureCeiling : .repeatedFailures)
            }
            return .authenticationFailed
        case .accountLocked(let until):
            return .rateLimited(retryAfterSeconds: Self.seconds(from: now, to: until))
        case .linkUnusable:
            return .linkInvalid
        }
    }

    /// Commits an authenticated change, burning `accepted` (the second factor that
    /// authorised it), and records it as `kind` (with the sessions it revoked),
    /// counting a lost race on the second factor (a replayed step, a code used
    /// meanwhile, a passkey counter that went backwards or a passkey removed
    /// meanwhile) as a failed completion.
    /// A used recovery code's notice is queued inside the commit, which alone
    /// knows how many codes remain; a new authenticator or a deletion has a
    /// notice of its own, which the owner gets instead.
    func commit(
        _ change: AuthenticatedChange, by account: AccountRecord, as kind: SecurityEvent.Kind, audit: Audit,
        burning accepted: AcceptedFactor? = nil
    ) async throws -> AuthenticatedChangeOutcome {
        var change = change
        if let accepted {
            change.acceptedTimeStep = accepted.timeStep
            change.recoveryCodeHash = accepted.recoveryCodeHash
            change.passkeyUse = accepted.passkeyUse
        }
        change.failureCeiling = configuration.lockPolicy.ceiling
        if change.recoveryCodeHash != nil, change.replacesAuthenticator == nil, !change.deletesAccount {
            let (outbox, composer, email, now) = (outbox, composer, account.email, change.now)
            change.recoveryCodeNotice = { remaining in
                outbox.queue(composer.recoveryCodeUsed(to: email, remaining: remaining), now: now)
            }
        }
        let outcome: AuthenticatedChangeOutcome
        do {
            outcome = try await store.commit(change)
        } catch let error as MFAStoreError {
            if error.isLostFactorRace(removingPasskey: change.removesPasskey != nil), let reason = error.refusal {
                throw try await failCompletion(of: account, through: change.consumingLink, because: reason, now: change.now, audit: audit)
            }
            throw audit.refuse(error, account: account.id)
        }
        if change.recoveryCodeNotice != nil { observer.record(.mailQueued) }
        let factor: SecurityEvent.Reason? = change.recoveryCodeHash != nil ? .recoveryCode : change.passkeyUse != nil ? .passkey : nil
        audit.record(kind, account: account.id, reason: factor)
        if change.revokedSessions != .none || change.deletesAccount { audit.record(.sessionsRevoked, account: account.id) }
        return outcome
    }
}

extension MFAStoreError {
    /// Whether the store refused a change because its second factor was used up meanwhile.
    func isLostFactorRace(removingPasskey: Bool) -> Bool {
        switch self {
        case .timeStepAlreadyUsed, .recoveryCodeNotFound, .signCountNotIncreased: true
        // A removal names a passkey too; that one gone meanwhile is no failure of the factor.
        case .passkeyNotFound: !removingPasskey
        default: false
        }
    }
}
