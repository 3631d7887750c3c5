import Foundation
import MFACore

/// Steps that put a store into the state a check starts from, using only the
/// protocol, the way the workflows do.
extension MFAStore {
    /// Creates `account` through a ``LinkPurpose/createAccount`` link, as confirming a registration does.
    func register(_ account: AccountRecord = Fixture.account(), recoveryCodes: [[UInt8]] = Fixture.recoveryCodes()) async throws -> AccountRecord {
        let link = try await issue(.createAccount, for: account.emailKey)
        try await createAccount(account, recoveryCodeHashes: recoveryCodes, consumingLink: link.use, now: Fixture.start)
        return account
    }

    /// Issues a link that expires at `expiresAt`, with a mail of its own.
    func issue(_ purpose: LinkPurpose, for subject: String, expiresAt: Date = Fixture.start + 600) async throws -> LinkRecord {
        let link = Fixture.link(purpose, subject: subject, expiresAt: expiresAt)
        try await issueLink(link, mail: Fixture.mail())
        return link
    }

    /// Records a failed completion of `accountID` (through `link`) under ``Fixture/policy``.
    func fail(
        _ accountID: String?, through link: LinkUse? = nil, at now: Date = Fixture.start,
        firstLockNotice: QueuedMail? = nil, ceilingNotice: QueuedMail? = nil
    ) async throws -> FailureOutcome {
        try await recordFailure(FailedCompletion(
            link: link, accountID: accountID, policy: Fixture.policy,
            firstLockNotice: firstLockNotice, ceilingNotice: ceilingNotice, now: now
        ))
    }

    /// Replaces an account's authenticator through a link, as confirming a new authenticator does.
    func commitReplacement(
        accountID: String, with authenticator: SealedAuthenticator, recoveryCodeHashes: [[UInt8]],
        consumingLink link: LinkUse, mail: QueuedMail, now: Date
    ) async throws {
        _ = try await commit(AuthenticatedChange(
            accountID: accountID, consumingLink: link,
            replacesAuthenticator: AuthenticatorReplacement(authenticator: authenticator, recoveryCodeHashes: recoveryCodeHashes),
            revokedSessions: .all, mail: [mail], now: now
        ))
    }

    /// Deletes an account through a link, as confirming a deletion does.
    func commitDeletion(id: String, consumingLink link: LinkUse, mail: QueuedMail, now: Date) async throws {
        _ = try await commit(AuthenticatedChange(accountID: id, consumingLink: link, deletesAccount: true, mail: [mail], now: now))
    }

    /// Opens a session for an account, as a login does.
    func openSession(for accountID: String, expiresAt: Date = Fixture.start + 3_600) async throws -> SessionRecord {
        let session = Fixture.session(accountID: accountID, expiresAt: expiresAt)
        _ = try await commit(AuthenticatedChange(accountID: accountID, newSession: session, now: Fixture.start))
        return session
    }

    /// Whether the link can still be consumed at `now`.
    func isUsable(_ link: LinkRecord, at now: Date = Fixture.start) async throws -> Bool {
        try await self.link(tokenHash: link.tokenHash, now: now) != nil
    }

    /// Whether the session still signs in at `now`.
    func isOpen(_ session: SessionRecord, at now: Date = Fixture.start) async throws -> Bool {
        try await self.session(tokenHash: session.tokenHash, now: now) != nil
    }

    /// The ids of every unfinished message, claiming them all (a check's last look at the outbox).
    func claimAllMailIDs() async throws -> Set<String> {
        let far = Fixture.start + 365 * 86_400
        return Set(try await claimMail(now: far, leaseUntil: far + 60, limit: 1_000).map(\.id))
    }
}
