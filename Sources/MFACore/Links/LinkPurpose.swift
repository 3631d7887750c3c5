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

    /// The path of the page the emailed link opens, below the public URL.
    public var path: String {
        switch self {
        case .createAccount: "/users/create/mfa/"
        case .login: "/users/login/mfa/"
        case .newAuthenticator: "/users/mfa/new_totp_code/confirm/"
        case .passwordReset: "/users/password/reset/confirm/"
        case .deleteAccount: "/users/delete/mfa/"
        }
    }
}
