import Foundation
import MFAWebAuthn

/// What a user needs to set up an authenticator app: shown once, never again.
public struct Enrollment: Sendable, Hashable {
    /// The account's address.
    public var email: String
    /// The TOTP secret, base32 without padding.
    public var secret: String
    /// The `otpauth://` URI authenticator apps read, e.g. from a QR code.
    public var otpauthURI: String
    /// The HMAC algorithm.
    public var algorithm: OTPAlgorithm
    /// Digits per code.
    public var digits: Int
    /// Seconds per time step.
    public var period: Int
    /// Ten single-use recovery codes.
    public var recoveryCodes: [String]
}

/// A successful login.
public struct LoginResult: Sendable, Hashable {
    /// The account's address.
    public var email: String
    /// The previous successful login, `nil` on the first.
    public var lastLogin: Date?
    /// The bearer token of the new session.
    public var sessionToken: String
    /// When the session expires.
    public var expiresAt: Date
    /// How many recovery codes remain: after a recovery code, and whenever none
    /// remain (the user should create new ones); `nil` otherwise.
    public var recoveryCodesRemaining: Int?
}

/// The account a session belongs to.
public struct AccountProfile: Sendable, Hashable {
    /// The account's address as registered.
    public var email: String
    /// The optional display name.
    public var fullName: String?
    /// When the account was created.
    public var createdAt: Date
    /// The latest successful login (the one that opened this session, or a later one).
    public var lastLogin: Date?
}

/// The second factor presented with a password.
public enum SecondFactor: Sendable, Hashable {
    /// A code from the authenticator app; spaces are ignored.
    case totpCode(String)
    /// A recovery code; case, spaces and hyphens are ignored.
    case recoveryCode(String)
    /// A passkey assertion, answering the options of
    /// ``MFAService/passkeyAssertionOptions(linkToken:purpose:)`` (through a link) or
    /// ``MFAService/passkeyAssertionOptions(sessionToken:)`` (from a session).
    case passkey(AuthenticationResponseJSON)
}

/// A passkey of the account, as its owner sees it.
public struct PasskeySummary: Sendable, Hashable {
    /// The id that names it to ``MFAService/removePasskey(sessionToken:id:secondFactor:)``.
    public var id: String
    /// Its name.
    public var name: String
    /// When it was registered.
    public var createdAt: Date
    /// When it last answered an assertion, or `nil`.
    public var lastUsedAt: Date?
}
