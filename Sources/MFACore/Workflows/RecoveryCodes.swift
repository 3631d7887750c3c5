import Foundation

extension MFAService {
    /// Issues ten new recovery codes to a signed-in user who proves it again
    /// with a second factor: a TOTP code or a passkey assertion (the HTTP
    /// contract's), or a recovery code; the old codes stop working and *New
    /// recovery codes were created* is queued. Accounts imported without recovery codes get their
    /// first ones this way.
    ///
    /// A wrong code counts against the account like a failed login, and the
    /// lock and failure ceiling apply as there.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Returns: the codes, shown to the user once.
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/authenticationFailed``,
    ///   ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/invalidFields(_:)``, ``MFAError/unavailable``.
    public func createRecoveryCodes(
        sessionToken: String, secondFactor: SecondFactor, from client: ClientNetwork
    ) async throws(MFAError) -> [String] {
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        let factor = try validateShape(of: secondFactor)
        let audit = audit(.recoveryCodes, from: client)
        return try await perform {
            let now = clock.now()
            try admit(factor, for: account, now: now, audit: audit)
            let accepted = try await countingFailures(of: account, through: nil, now: now, audit: audit) {
                try await accept(factor, for: account, binding: PasskeyBinding.session(session), now: now)
            }
            let (codes, hashes) = try await drawRecoveryCodes(accountID: account.id)
            let change = AuthenticatedChange(
                accountID: account.id, replacesRecoveryCodes: hashes,
                mail: [queue(composer.recoveryCodesCreated(to: account.email), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .recoveryCodesReplaced, audit: audit, burning: accepted)
            return codes
        }
    }
}
