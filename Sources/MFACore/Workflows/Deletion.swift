import Foundation

extension MFAService {
    /// Queues *Confirm account deletion*, only when the password is correct.
    ///
    /// - Parameter client: the network the request comes from.
    /// - Throws: ``MFAError/invalidFields(_:)``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func requestDeletion(email: String, password: String, from client: ClientNetwork) async throws(MFAError) {
        try await sendLinkIfPasswordMatches(.deleteAccount, email: email, password: password, from: client)
    }

    /// Deletes the account and everything that belongs to it through the
    /// emailed link, with a current second factor, and queues *Your account
    /// was deleted*. A wrong factor counts like a failed login. The address
    /// can register again.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func confirmDeletion(token: String, secondFactor: SecondFactor, from client: ClientNetwork) async throws(MFAError) {
        let factor = try validateShape(of: secondFactor)
        let audit = audit(.link(.deleteAccount), from: client)
        try await perform {
            let now = clock.now()
            let (link, account, accepted) = try await secondFactorCompletion(token, for: .deleteAccount, with: factor, now: now, audit: audit)
            let change = AuthenticatedChange(
                accountID: account.id, consumingLink: use(of: link),
                deletesAccount: true, mail: [queue(composer.accountDeleted(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .accountDeleted, audit: audit, burning: accepted)
        }
    }
}
