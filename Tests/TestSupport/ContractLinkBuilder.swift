import MFACore

/// Links in the HTTP contract's spelling (`/users/…/?one_time_url=<token>`), for
/// library tests that check the mailed links the server will send. The server's
/// own `ServerLinks` is checked against this one in MFAServerTests.
public struct ContractLinkBuilder: LinkBuilder {
    public init() {}

    public func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
        let path = switch purpose {
        case .createAccount: "/users/create/mfa/"
        case .login: "/users/login/mfa/"
        case .newAuthenticator: "/users/mfa/new_totp_code/confirm/"
        case .authenticatorResetByOperator: "/users/mfa/reset/confirm/"
        case .passwordReset: "/users/password/reset/confirm/"
        case .deleteAccount: "/users/delete/mfa/"
        }
        return "\(publicURL)\(path)?one_time_url=\(token)"
    }
}
