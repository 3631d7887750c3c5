/// What the account page of a signed-in browser shows: the profile, how many
/// recovery codes are left, and the passkeys.
public struct AccountOverview: Sendable, Hashable {
    /// The account the session belongs to.
    public var profile: AccountProfile
    /// The unused recovery codes of the account.
    public var recoveryCodesRemaining: Int
    /// The account's passkeys, oldest first; `nil` when passkeys are off.
    public var passkeys: [PasskeySummary]?
}

extension MFAService {
    /// The account a session token signs in, with its unused recovery codes and its passkeys.
    ///
    /// - Throws: ``MFAError/unauthorized`` for a missing, unknown, expired or revoked token.
    public func accountOverview(sessionToken: String) async throws(MFAError) -> AccountOverview {
        let (_, account) = try await signedInAccount(sessionToken: sessionToken)
        let (remaining, passkeys) = try await perform {
            (try await store.recoveryCodeCount(accountID: account.id),
             passkeysAvailable ? try await store.passkeys(accountID: account.id).map(\.summary) : nil)
        }
        let profile = AccountProfile(email: account.email, fullName: account.fullName, createdAt: account.createdAt, lastLogin: account.lastLoginAt)
        return AccountOverview(profile: profile, recoveryCodesRemaining: remaining, passkeys: passkeys)
    }
}
