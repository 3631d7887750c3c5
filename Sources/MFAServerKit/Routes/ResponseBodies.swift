import Foundation
import MFACore
import MFAFormats

/// `{"detail": "..."}`: the answer of every request that only acknowledges.
struct DetailBody: Encodable {
    var detail: String
}

/// A new authenticator: the TOTP secret and the recovery codes, shown once.
struct EnrollmentBody: Encodable {
    var detail: String
    /// Present after account creation only, as the contract writes it.
    var email: String?
    var totp: TOTPBody
    var recoveryCodes: [String]

    init(detail: String, includingEmail: Bool, enrollment: Enrollment) {
        self.detail = detail
        email = includingEmail ? enrollment.email : nil
        totp = TOTPBody(enrollment)
        recoveryCodes = enrollment.recoveryCodes
    }

    enum CodingKeys: String, CodingKey {
        case detail, email, totp
        case recoveryCodes = "recovery_codes"
    }
}

/// `POST /users/recovery-codes`: the new codes, shown once.
struct RecoveryCodesBody: Encodable {
    var recoveryCodes: [String]

    enum CodingKeys: String, CodingKey {
        case recoveryCodes = "recovery_codes"
    }
}

/// The `totp` object: what an authenticator app needs.
struct TOTPBody: Encodable {
    var secret: String
    var otpauthURI: String
    var algorithm: String
    var digits: Int
    var period: Int

    init(_ enrollment: Enrollment) {
        secret = enrollment.secret
        otpauthURI = enrollment.otpauthURI
        algorithm = enrollment.algorithm.rawValue
        digits = enrollment.digits
        period = enrollment.period
    }

    enum CodingKeys: String, CodingKey {
        case secret, algorithm, digits, period
        case otpauthURI = "otpauth_uri"
    }
}

/// A successful login. `last_login` is always present, `null` on the first login.
struct LoginBody: Encodable {
    var result: LoginResult

    enum CodingKeys: String, CodingKey {
        case detail, email
        case lastLogin = "last_login"
        case sessionToken = "session_token"
        case expiresAt = "expires_at"
        case recoveryCodesRemaining = "recovery_codes_remaining"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("Login successful.", forKey: .detail)
        try container.encode(result.email, forKey: .email)
        try container.encode(result.lastLogin.map { RFC3339.string(from: $0) }, forKey: .lastLogin)
        try container.encode(result.sessionToken, forKey: .sessionToken)
        try container.encode(RFC3339.string(from: result.expiresAt), forKey: .expiresAt)
        try container.encodeIfPresent(result.recoveryCodesRemaining, forKey: .recoveryCodesRemaining)
    }
}

/// `GET /users/me`: `full_name` and `last_login` are always present, `null` when unset.
struct ProfileBody: Encodable {
    var profile: AccountProfile

    enum CodingKeys: String, CodingKey {
        case email
        case fullName = "full_name"
        case createdAt = "created_at"
        case lastLogin = "last_login"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile.email, forKey: .email)
        try container.encode(profile.fullName, forKey: .fullName)
        try container.encode(RFC3339.string(from: profile.createdAt), forKey: .createdAt)
        try container.encode(profile.lastLogin.map { RFC3339.string(from: $0) }, forKey: .lastLogin)
    }
}

/// `GET /health`.
struct HealthBody: Encodable {
    var status: String
}

/// The options of a passkey ceremony, as the contract wraps them: `{"publicKey": {...}}`.
struct PublicKeyBody<Options: Encodable>: Encodable {
    var publicKey: Options
}

/// A passkey as its owner sees it: `last_used_at` only in lists, always present there, `null` when unused.
struct PasskeyBody: Encodable {
    var passkey: PasskeySummary
    var includesLastUse: Bool

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(passkey.id, forKey: .id)
        try container.encode(passkey.name, forKey: .name)
        try container.encode(RFC3339.string(from: passkey.createdAt), forKey: .createdAt)
        if includesLastUse { try container.encode(passkey.lastUsedAt.map { RFC3339.string(from: $0) }, forKey: .lastUsedAt) }
    }
}

/// `GET /users/passkeys`.
struct PasskeyListBody: Encodable {
    var passkeys: [PasskeyBody]

    init(_ passkeys: [PasskeySummary]) {
        self.passkeys = passkeys.map { PasskeyBody(passkey: $0, includesLastUse: true) }
    }
}
