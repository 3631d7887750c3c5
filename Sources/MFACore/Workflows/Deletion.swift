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
    /// emailed link, and queues *Your account was deleted*. The address can
    /// register again.
    ///
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/unavailable``.
    public func confirmDeletion(token: String) async throws(MFAError) {
        try await perform {
            let now = clock.now()
            let link = try await beginAttempt(on: token, for: .deleteAccount, now: now)
            guard let account = try await store.account(id: link.subject) else { throw MFAError.linkInvalid }
            try await store.deleteAccount(
                id: account.id, consumingLink: link.tokenHash,
                mail: queue(composer.accountDeleted(to: account.email), now: now), now: now
            )
        }
    }
}
