import MFACore

/// The contract's rules that hold across routes, for the OpenAPI description and `/docs`.
enum APIRules {
    /// One rule: a topic and a sentence of plain text.
    typealias Rule = (topic: String, text: String)

    static let general: [Rule] = [
        ("Base URL", "http://127.0.0.1:8000 by default (MFA_HOST, MFA_PORT)."),
        (
            "Trailing slash",
            "Every route answers with and without a trailing slash, with no redirect. The paths here are the canonical spellings; the other spelling is the same route."
        ),
        (
            "Request bodies",
            "application/json (UTF-8). The POST routes behind an emailed link (…/mfa/, …/confirm/) also accept application/x-www-form-urlencoded, which is what the HTML pages post; such a request gets an HTML page back instead of JSON."
        ),
        ("Body size", "A body over 16 KiB is answered 413 payload_too_large."),
        ("Content type", "Any other body type is answered 415 unsupported_media_type."),
        ("Unknown routes", "An unknown path is answered 404 not_found; a known path with another method 405 method_not_allowed."),
        (
            "One-time token",
            "Travels as the query parameter \(ServerLinks.tokenParameter). 32 random bytes, base64url without padding; single use, bound to one purpose and account, valid for MFA_LINK_TTL_SECONDS (600). Links travel by email only, never in a response."
        ),
        ("Times", "RFC 3339 UTC strings, for example 2026-11-25T14:03:07Z."),
        ("Email addresses", "Compared case-insensitively, stored as given after trimming."),
        ("Errors", "Every error is an RFC 9457 application/problem+json document with a stable machine code."),
        (
            "HTML pages",
            "Self-contained, no JavaScript, everything echoed escaped, sent with the Content-Security-Policy, X-Content-Type-Options, Referrer-Policy and Cache-Control headers listed below."
        ),
    ]

    static let validation: [Rule] = [
        (
            Field.email.wireName,
            "3 to 254 characters, exactly one @, a non-empty local part and a domain with a dot; no spaces, control or invisible format characters (Unicode Cf); only addresses mail can be delivered to (ASCII letters, digits and the signs . ! # $ % & ' * + - / = ? ^ _ ` { | } ~ before the @, a host name or [address literal] after it). Compared in Unicode NFC form, case-insensitively."
        ),
        (Field.password.wireName, "8 to 128 characters after Unicode NFKC normalisation; any characters allowed; no composition rules."),
        (Field.fullName.wireName, "Optional, at most 200 characters."),
        (Field.totpCode.wireName, "The configured number of digits; spaces ignored."),
        (Field.recoveryCode.wireName, "Case-insensitive; spaces and - ignored."),
    ]

    /// A limit with its default and what exceeding it answers.
    typealias Limit = (limit: String, defaultValue: String, answer: String)

    static let limits: [Limit] = [
        (
            "Link-sending requests (/users/create/, /users/login/, /users/mfa/new_totp_code/, /users/delete/, /users/password/reset/) per email address and client network, existing address or not",
            "5 per 15 minutes", "429"
        ),
        ("The same requests per email address, from all clients together", "20 per hour", "429"),
        ("Requests to POST /users/… per client network (the peer's IPv4 address, or its IPv6 /64; IPv4-mapped IPv6 counts as IPv4)", "60 per minute", "429"),
        ("Failed attempts per link (only wrong credentials count; a request refused for a lock or overload does not)", "5", "link burned, 410"),
        (
            "Consecutive failed completions per account; the count resets only on success",
            "every 10th locks: 15 minutes, each further lock twice the previous, at most 24 hours", "429 with Retry-After, even for correct input"
        ),
        (
            "Consecutive failed completions per account, ceiling",
            "100", "TOTP codes refused (429) until a recovery-code sign-in or an operator's unlock"
        ),
    ]

    /// The rules as CommonMark, for the OpenAPI document's `info.description`.
    static var markdown: String {
        let rules = general.map { "- **\($0.topic)**: \($0.text)" }
        let limits = limits.map { "- \($0.limit): \($0.defaultValue) (\($0.answer))" }
        return """
            The HTTP API of mfa-server. A human-readable reference is served at /docs.

            \(rules.joined(separator: "\n"))

            Limits (configurable; state lives in the store, so several processes share them):

            \(limits.joined(separator: "\n"))
            """
    }
}
