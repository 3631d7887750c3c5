/// An input of a workflow that can break a rule, named in ``MFAError/FieldError``.
///
/// A front end gives each its own name (a JSON member, a form control, a
/// command-line option); MFACore only says which input it means.
public enum Field: Sendable, Hashable, CaseIterable {
    /// The email address of an account or a registration.
    case email
    /// The password, when registering or proving it.
    case password
    /// The password typed again to confirm a registration.
    case passwordAgain
    /// The optional display name.
    case fullName
    /// A code from the authenticator app.
    case totpCode
    /// One of the account's recovery codes.
    case recoveryCode
    /// The password being chosen at a reset or change.
    case newPassword
    /// The password the account has, proved at a change.
    case currentPassword
    /// A passkey assertion given as the second factor.
    case passkey
    /// A passkey's registration, or its assertion when it signs in alone.
    case credential
    /// The name a passkey is given.
    case name
}
