/// The request fields of the contract as they are spelled on the wire.
///
/// The one place in the server where a request field's wire name is written:
/// request reading, validation answers and the documentation go through it.
enum WireField: String, Sendable, CaseIterable {
    case email
    case password
    case fullName = "full_name"
    case passwordAgain = "password_again"
    case currentPassword = "current_password"
    case newPassword = "new_password"
    case totpCode = "totp_code"
    case recoveryCode = "recovery_code"

    /// The name as the contract spells it, e.g. `totp_code`.
    var wireName: String { rawValue }
}

/// The query parameters of the contract as they are spelled on the wire.
enum WireParameter {
    /// Carries the one-time token of an emailed link.
    static let oneTimeToken = "one_time_url"
}
