/// What a sealed value is, which decides the purpose key that seals it.
///
/// The HKDF `info` strings are versioned: changing how a purpose seals means a
/// new string, never an edited one.
public enum SealingPurpose: Sendable, Hashable, CaseIterable {
    /// A TOTP secret, bound to its account id.
    case totpSecret
    /// A queued email (its body carries one-time links), bound to its message id.
    case mail
    /// A data key kept in the store, such as the hash key, bound to its name.
    case dataKey

    /// The HKDF `info` that derives this purpose's key from a server key.
    var info: String {
        switch self {
        case .totpSecret: "mfa/seal/totp-secret/v1"
        case .mail: "mfa/seal/mail/v1"
        case .dataKey: "mfa/seal/data-key/v1"
        }
    }
}
