/// What a one-time link is for. A link made for one purpose never serves another.
public enum LinkPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Confirms a pending registration; its subject is the address's key.
    case createAccount = "create_account"
    /// Signs in; its subject is the account id.
    case login
    /// Issues a new TOTP secret; its subject is the account id.
    case newAuthenticator = "new_authenticator"
    /// Resets the password; its subject is the account id.
    case passwordReset = "password_reset"
    /// Deletes the account; its subject is the account id.
    case deleteAccount = "delete_account"
}
