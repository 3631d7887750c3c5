/// What a one-time link is for. A link made for one purpose never serves another.
public enum LinkPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Confirms a pending registration; its subject is the address's key.
    case createAccount = "create_account"
    /// Signs in; its subject is the account id.
    case login
    /// Issues a new TOTP secret; its subject is the account id.
    case newAuthenticator = "new_authenticator"
    /// Issues a new TOTP secret without the old second factor: an operator
    /// sends it after checking the owner's identity out of band
    /// (``MFAService/resetAuthenticator(email:)``); its subject is the account id.
    case authenticatorResetByOperator = "authenticator_reset_by_operator"
    /// Resets the password; its subject is the account id.
    case passwordReset = "password_reset"
    /// Deletes the account; its subject is the account id.
    case deleteAccount = "delete_account"
}
