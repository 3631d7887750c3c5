import Foundation

/// Equal work for the link-sending requests that send nothing.
///
/// A request for an unknown address, or with a wrong password, answers what
/// a successful one answers; so that its timing does not tell the two apart
/// either, it does the same work: it composes and seals an email, and writes
/// a link and that email in one store transaction. The decoy's link and email
/// expire the moment they are written, so the link can never be used and the
/// delivery worker drops the email unsent (counted as dropped, like any
/// email whose link expired); housekeeping purges both.
extension MFAService {
    /// Issues a link of `purpose` to `account` and queues its email, or, with
    /// no account, writes a decoy of the same shape for `address`.
    func sendLink(_ purpose: LinkPurpose, to account: AccountRecord?, address: EmailAddress, now: Date) async throws {
        let (link, mail) = link(purpose, to: account, address: address, now: now)
        try await store.issueLink(link, mail: mail)
        if account != nil { observer.record(.mailQueued) }
    }

    /// The link of `purpose` to `account` and its email or, with no account, a decoy of the same shape for `address`.
    func link(_ purpose: LinkPurpose, to account: AccountRecord?, address: EmailAddress, now: Date) -> (LinkRecord, QueuedMail) {
        guard let account else { return makeDecoyLink(purpose, to: address.value, now: now) }
        return makeLink(purpose, subject: account.id, to: account.email, now: now)
    }

    /// A link and its email as ``makeLink(_:subject:to:now:)`` makes them, for
    /// a random subject that is no account's id, both expired at `now`.
    func makeDecoyLink(_ purpose: LinkPurpose, to recipient: String, now: Date) -> (LinkRecord, QueuedMail) {
        var (link, mail) = makeLink(purpose, subject: random.uuidString(), to: recipient, now: now)
        link.expiresAt = now
        mail.expiresAt = now
        return (link, mail)
    }

    /// A link with a random token for a random subject, expired at `now`, with no email.
    func makeDecoyLink(_ purpose: LinkPurpose, now: Date) -> LinkRecord {
        LinkRecord(tokenHash: OpaqueToken.generate(using: random).hash, purpose: purpose, subject: random.uuidString(), expiresAt: now)
    }
}
