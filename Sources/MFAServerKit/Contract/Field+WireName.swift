import MFACore

extension Field {
    /// The field's name in JSON bodies, forms and problem documents: the only
    /// place each wire name is written.
    var wireName: String {
        switch self {
        case .email: "email"
        case .password: "password"
        case .passwordAgain: "password_again"
        case .fullName: "full_name"
        case .totpCode: "totp_code"
        case .recoveryCode: "recovery_code"
        case .newPassword: "new_password"
        case .currentPassword: "current_password"
        case .passkey: "passkey"
        case .credential: "credential"
        case .name: "name"
        }
    }
}
