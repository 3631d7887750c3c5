/// The hash function behind an HOTP or TOTP code's HMAC.
///
/// The raw values are the spellings of the `algorithm` parameter of `otpauth://`
/// URIs. Authenticator apps all support ``sha1``, the default; some ignore the
/// others and silently compute wrong codes, so use them only where every user's
/// app is known to support them.
public enum OTPAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// HMAC-SHA1, the RFC 4226 default and the only algorithm every app supports.
    case sha1 = "SHA1"
    /// HMAC-SHA256 (RFC 6238).
    case sha256 = "SHA256"
    /// HMAC-SHA512 (RFC 6238).
    case sha512 = "SHA512"
}
