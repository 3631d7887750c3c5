import MFACore

/// Every error code of the contract with when it is answered, in the contract's order.
enum ErrorCatalogue {
    /// One error of the contract.
    struct Entry: Sendable {
        /// An example of the error; its code, status and title are the contract's.
        let error: any HTTPProblem
        let when: String
    }

    static let entries: [Entry] = [
        Entry(error: RequestError.malformed(""), when: "The body is not valid JSON or not an object, or a field has the wrong type."),
        Entry(
            error: MFAError.authenticationFailed,
            when: "Wrong password, TOTP code, recovery code or passkey assertion at a completion; it never says which."
        ),
        Entry(error: MFAError.unauthorized, when: "The session token is missing, unknown, expired or revoked."),
        Entry(
            error: RequestError.forbidden,
            when: "A cookie-session form post without a valid anti-forgery token, or from another site."
        ),
        Entry(error: RequestError.notFound, when: "Unknown route, or a passkey the account does not have."),
        Entry(error: RequestError.methodNotAllowed(allowed: []), when: "Known route, other method."),
        Entry(
            error: MFAError.linkInvalid,
            when: "The one-time token is unknown, expired, already used, burned, or made for another purpose; it never says which."
        ),
        Entry(error: RequestError.payloadTooLarge, when: "The body is larger than 16 KiB."),
        Entry(error: RequestError.unsupportedMediaType, when: "The body has a type other than the ones the route accepts."),
        Entry(
            error: MFAError.invalidFields([]),
            when: "A well-formed body whose values break a rule; errors lists each field and message."
        ),
        Entry(error: MFAError.rateLimited(retryAfterSeconds: 0), when: "A limit was hit; the Retry-After header gives the seconds to wait."),
        Entry(error: MFAError.internal, when: "Something failed on the server; the answer carries no internal detail."),
        Entry(error: MFAError.unavailable, when: "The store cannot be reached, or the server is shutting down or overloaded."),
    ]

    /// Every machine code, for the `code` enum of the problem schema.
    static var codes: [String] { entries.map(\.error.code) }

    /// The "when" sentence of the entry with `error`'s code.
    static func when(_ error: any HTTPProblem) -> String {
        entries.first { $0.error.code == error.code }?.when ?? error.detail
    }
}
