/// Every way a workflow can fail, in the words of the domain.
///
/// The cases say what went wrong, not how a transport reports it: the server
/// gives each one its own face (mfa-server: a machine code, a title). Messages never
/// carry secrets or internal detail.
public enum MFAError: Error, Sendable, Equatable {
    /// A one-time link that is unknown, expired, used, burned or made for another purpose.
    case linkInvalid
    /// A wrong password, TOTP code or recovery code at a link completion. Never says which.
    case authenticationFailed
    /// A missing, unknown, expired or revoked session token.
    case unauthorized
    /// The thing a request names, such as one of the account's passkeys, does not exist (any more).
    case notFound
    /// Values that break a rule, with one message per field.
    case invalidFields([FieldError])
    /// A limit was hit; try again after `retryAfterSeconds`.
    case rateLimited(retryAfterSeconds: Int)
    /// The store cannot be reached, or the service is shutting down or overloaded.
    case unavailable
    /// Something failed that the caller cannot fix. Carries no detail on purpose.
    case `internal`

    /// A rule broken by one field of a workflow's input.
    public struct FieldError: Sendable, Equatable {
        /// The input that breaks the rule.
        public var field: Field
        /// What is wrong, in words a user can act on.
        public var message: String

        /// Creates a field error.
        public init(field: Field, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// A sentence for the user; the same for every cause of the error, so it reveals nothing.
    public var detail: String {
        switch self {
        case .linkInvalid: "This link is invalid or has expired."
        case .authenticationFailed: "The credentials are not correct."
        case .unauthorized: "A valid session token is required."
        case .notFound: "There is nothing at this address."
        case .invalidFields: "Some fields are not valid."
        case .rateLimited(let seconds): "Too many attempts. Try again in \(seconds) seconds."
        case .unavailable: "The service is unavailable. Try again shortly."
        case .internal: "Something went wrong on our side."
        }
    }
}
