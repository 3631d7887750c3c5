import Foundation

extension MFAService {
    /// The account a session token signs in.
    ///
    /// - Throws: ``MFAError/unauthorized`` for a missing, unknown, expired or revoked token.
    public func authenticate(sessionToken: String) async throws(MFAError) -> AccountProfile {
        let (_, account) = try await signedInAccount(sessionToken: sessionToken)
        return AccountProfile(email: account.email, fullName: account.fullName, createdAt: account.createdAt, lastLogin: account.lastLoginAt)
    }

    /// Ends a session; its token stops working at once.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/unauthorized`` when the token does not sign anyone in.
    public func logout(sessionToken: String, from client: ClientNetwork) async throws(MFAError) {
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        try await perform { try await store.revokeSession(tokenHash: session.tokenHash) }
        record(SecurityEvent(.sessionsRevoked, accountID: account.id, client: client, reason: .logout))
    }

    /// Answers whether a one-time link still works for `purpose`, consuming
    /// nothing: for pages that show a form before the user acts.
    ///
    /// - Throws: ``MFAError/linkInvalid``.
    public func checkLink(token: String, purpose: LinkPurpose) async throws(MFAError) {
        try await perform {
            let link = try await store.link(tokenHash: OpaqueToken.hash(of: token), now: clock.now())
            guard let link, link.purpose == purpose, link.attempts < configuration.attemptsPerLink else {
                throw MFAError.linkInvalid
            }
        }
    }

    /// Counts a request from a client network against the per-client limit.
    ///
    /// - Throws: ``MFAError/rateLimited(retryAfterSeconds:)``.
    public func admitRequest(from client: ClientNetwork) async throws(MFAError) {
        try await perform {
            try await admit(
                [try await limitedEvent("client:" + client.key, configuration.requestsPerClient)], now: clock.now(),
                refusal: SecurityEvent(.rateLimited, client: client, reason: .requestsPerClient)
            )
        }
    }

    /// Deletes expired links, sessions, registrations and limit state, and
    /// delivered mail older than a day. Run it now and then.
    public func purgeExpired() async throws(MFAError) {
        try await perform { try await store.purgeExpired(now: clock.now(), finishedMailRetention: 86_400) }
    }

    /// Throws ``MFAError/unavailable`` when the store does not answer. The
    /// store is asked at most once a second; calls in between get its last answer.
    public func checkHealth() async throws(MFAError) {
        let failure = await lastHealthCheck.answer(now: clock.now()) { [self] () async -> MFAError? in
            do throws(MFAError) {
                try await perform { try await store.checkHealth() }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    func signedInAccount(sessionToken: String) async throws(MFAError) -> (SessionRecord, AccountRecord) {
        guard !sessionToken.isEmpty else { throw .unauthorized }
        return try await perform {
            let now = clock.now()
            guard let signedIn = try await store.signedIn(tokenHash: OpaqueToken.hash(of: sessionToken), now: now) else {
                throw MFAError.unauthorized
            }
            return signedIn
        }
    }
}
