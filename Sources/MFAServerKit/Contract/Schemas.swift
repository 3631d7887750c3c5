import MFACore

/// The JSON objects of the contract: request bodies, response bodies and the problem document.
enum Schemas {
    // MARK: Field types

    static let email = ValueType.string(format: "email", length: 3...254)
    static let password = ValueType.string(length: 8...128)
    static let timestamp = ValueType.string(format: "date-time")
    static let code = ValueType.string()

    private static let passwordRule = "8 to 128 characters after Unicode NFKC normalisation; any characters, no composition rules."
    private static let totpCodeRule = "The code the authenticator app shows now: the account's number of digits; spaces are ignored."
    private static let recoveryCodeRule = "One of the account's unused recovery codes; case-insensitive, spaces and hyphens ignored."
    private static let passkeyRule = """
        A passkey's assertion, as PublicKeyCredential.toJSON() gives it (binary members base64url without padding), \
        answering the options of the route's passkey-options (or POST /users/passkeys/assertion/options with the bearer \
        token). In a form, its JSON text.
        """

    static let assertion = ValueType.foreignObject(standard: "AuthenticationResponseJSON")
    static let passkeyField = BodySchema.Property(.passkey, assertion, passkeyRule)

    // MARK: Requests

    static let createAccountRequest = BodySchema(name: "CreateAccountRequest", description: "A new registration.", properties: [
        .init(.email, email, "The address; compared case-insensitively, stored as given after trimming."),
        .init(.password, password, passwordRule),
        .init(.fullName, .string(length: 0...200), required: false, "An optional display name."),
    ])

    static let emailRequest = BodySchema(name: "EmailRequest", description: "An address to send a link to.", properties: [
        .init(.email, email, "The account's address."),
    ])

    static let credentialsRequest = BodySchema(
        name: "CredentialsRequest", description: "An address and its password.",
        properties: [
            .init(.email, email, "The account's address."),
            .init(.password, .string(), "The account's current password."),
        ]
    )

    static let confirmAccountRequest = BodySchema(
        name: "ConfirmAccountRequest", description: "The password again, to confirm a registration.",
        properties: [.init(.passwordAgain, .string(), "The password given to /users/create/.")]
    )

    static let loginWithTOTPCode = BodySchema(name: "LoginWithTOTPCode", description: "Password and authenticator code.", properties: [
        .init(.password, .string(), "The account's password."),
        .init(.totpCode, code, totpCodeRule),
    ])

    static let loginWithRecoveryCode = BodySchema(
        name: "LoginWithRecoveryCode", description: "Password and a recovery code instead of an authenticator code.",
        properties: [
            .init(.password, .string(), "The account's password."),
            .init(.recoveryCode, code, recoveryCodeRule),
        ]
    )

    static let resetWithTOTPCode = BodySchema(
        name: "ResetWithTOTPCode", description: "A new password, proven by an authenticator code.",
        properties: [
            .init(.newPassword, password, passwordRule),
            .init(.totpCode, code, totpCodeRule),
        ]
    )

    static let resetWithRecoveryCode = BodySchema(
        name: "ResetWithRecoveryCode", description: "A new password, proven by a recovery code.",
        properties: [
            .init(.newPassword, password, passwordRule),
            .init(.recoveryCode, code, recoveryCodeRule),
        ]
    )

    static let totpCodeRequest = BodySchema(
        name: "TOTPCodeRequest", description: "The current second factor: an authenticator code.",
        properties: [.init(Field.totpCode.wireName, code, totpCodeRule)]
    )

    static let recoveryCodeRequest = BodySchema(
        name: "RecoveryCodeRequest", description: "The current second factor: a recovery code instead of an authenticator code.",
        properties: [.init(Field.recoveryCode.wireName, code, recoveryCodeRule)]
    )

    static let loginWithPasskey = BodySchema(
        name: "LoginWithPasskey", description: "Password and a passkey instead of an authenticator code.",
        properties: [.init(.password, .string(), "The account's password."), passkeyField]
    )

    static let resetWithPasskey = BodySchema(
        name: "ResetWithPasskey", description: "A new password, proven by a passkey.",
        properties: [.init(.newPassword, password, passwordRule), passkeyField]
    )

    static let passkeyRequest = BodySchema(
        name: "PasskeyRequest", description: "The current second factor: a passkey's assertion.", properties: [passkeyField]
    )

    static let registerPasskeyRequest = BodySchema(
        name: "RegisterPasskeyRequest", description: "A new passkey of the signed-in account.",
        properties: [
            .init(
                .credential, .foreignObject(standard: "RegistrationResponseJSON"),
                """
                What PublicKeyCredential.toJSON() gives for the credential navigator.credentials.create() made from the \
                options of POST /users/passkeys/registration/options, from the same session.
                """
            ),
            .init(
                .name, .string(length: 0...64), required: false,
                "What to call it; blank or absent for Passkey N, the first number not taken."
            ),
        ]
    )

    static let signInWithPasskeyRequest = BodySchema(
        name: "SignInWithPasskeyRequest", description: "A discoverable passkey's assertion, instead of a link and a password.",
        properties: [
            .init(
                .credential, assertion,
                "What PublicKeyCredential.toJSON() gives, answering POST /users/login/passkey/options; the passkey must verify its user. In a form, its JSON text."
            ),
        ]
    )

    static let passwordChangeWithPasskey = BodySchema(
        name: "PasswordChangeWithPasskey", description: "A new password for the signed-in account, proven by a passkey.",
        properties: [
            .init(.currentPassword, .string(), "The account's current password."),
            .init(.newPassword, password, passwordRule),
            passkeyField,
        ]
    )

    /// Nothing is asked for: the link or the session is all, and members are ignored.
    static let emptyRequest = BodySchema(
        name: "EmptyRequest", description: "An empty object: the link or the session alone is the proof; members are ignored.",
        properties: []
    )

    static let passwordChangeRequest = BodySchema(
        name: "PasswordChangeRequest", description: "A new password for the signed-in account.",
        properties: [
            .init(.currentPassword, .string(), "The account's current password."),
            .init(.newPassword, password, passwordRule),
            .init(.totpCode, code, totpCodeRule),
        ]
    )

    // MARK: Responses

    static let detail = BodySchema(name: "Detail", description: "A sentence saying what happened.", properties: [
        .init("detail", .string(), "The sentence, fixed per route."),
    ])

    static let totpEnrollment = BodySchema(
        name: "TOTPEnrollment", description: "A new TOTP secret for an authenticator app, shown once.",
        properties: [
            .init("secret", .string(pattern: "^[A-Z2-7]+$"), "20 random bytes in base32 without padding."),
            .init(
                "otpauth_uri", .string(format: "uri"),
                "The Key Uri Format URI authenticator apps read, with issuer prefix and issuer parameter."
            ),
            .init("algorithm", .choice(OTPAlgorithm.allCases.map(\.rawValue)), "The HMAC algorithm."),
            .init("digits", .integer(minimum: 6), "Digits per code."),
            .init("period", .integer(minimum: 1), "Seconds per time step."),
        ]
    )

    private static let recoveryCodes = BodySchema.Property(
        "recovery_codes", .list(.string(), count: 10),
        "Ten single-use recovery codes, at least 64 bits each; shown once, stored hashed."
    )

    static let recoveryCodesCreated = BodySchema(
        name: "RecoveryCodesCreated", description: "A fresh set of recovery codes; the old ones no longer work.",
        properties: [recoveryCodes]
    )

    static let accountCreated = BodySchema(name: "AccountCreated", description: "A confirmed account's enrolment.", properties: [
        .init("detail", .choice(["Account created."]), "Fixed."),
        .init("email", .string(format: "email"), "The account's address."),
        .init("totp", .object(totpEnrollment), "The authenticator secret."),
        recoveryCodes,
    ])

    static let authenticatorReplaced = BodySchema(
        name: "AuthenticatorReplaced", description: "A new authenticator secret and new recovery codes.",
        properties: [
            .init("detail", .choice(["New authenticator secret issued."]), "Fixed."),
            .init("totp", .object(totpEnrollment), "The new authenticator secret."),
            recoveryCodes,
        ]
    )

    static let loginSucceeded = BodySchema(name: "LoginSucceeded", description: "A new session.", properties: [
        .init("detail", .choice(["Login successful."]), "Fixed."),
        .init("email", .string(format: "email"), "The account's address."),
        .init("last_login", .nullable(timestamp), "The previous successful login; null on the first."),
        .init("session_token", .string(), "Opaque bearer token, at least 128 bits; send it as Authorization: Bearer."),
        .init("expires_at", timestamp, "When the session expires (MFA_SESSION_TTL_SECONDS after the login)."),
        .init(
            "recovery_codes_remaining", .integer(minimum: 0), required: false,
            """
            Present when a recovery code was used, and whenever none remain (an account imported from the \
            prototype, or every code used): how many unused codes remain. At 0, POST /users/recovery-codes creates ten.
            """
        ),
    ])

    static let profile = BodySchema(name: "Profile", description: "The signed-in account.", properties: [
        .init("email", .string(format: "email"), "The address as registered."),
        .init("full_name", .nullable(.string()), "The display name, or null."),
        .init("created_at", timestamp, "When the account was created."),
        .init("last_login", .nullable(timestamp), "The latest successful login."),
    ])

    static let creationOptions = BodySchema(
        name: "PasskeyCreationOptions", description: "Options to create a passkey.", properties: [
            .init(
                "publicKey", .foreignObject(standard: "PublicKeyCredentialCreationOptionsJSON"),
                """
                For PublicKeyCredential.parseCreationOptionsFromJSON(): attestation none, resident key and user verification \
                preferred, the account's passkeys in excludeCredentials; its challenge answers once, within 5 minutes.
                """
            ),
        ]
    )

    static let requestOptions = BodySchema(
        name: "PasskeyRequestOptions", description: "Options to sign with a passkey.", properties: [
            .init(
                "publicKey", .foreignObject(standard: "PublicKeyCredentialRequestOptionsJSON"),
                """
                For PublicKeyCredential.parseRequestOptionsFromJSON(): the account's passkeys in allowCredentials (none, and \
                user verification required, for a sign-in with a passkey alone); its challenge answers once, within 5 minutes, \
                from the link or session that asked.
                """
            ),
        ]
    )

    private static let passkeyProperties: [BodySchema.Property] = [
        .init("id", .string(), "Names the passkey in DELETE /users/passkeys/{id}."),
        .init("name", .string(), "Its name."),
        .init("created_at", timestamp, "When it was registered."),
    ]

    static let passkeyCreated = BodySchema(name: "PasskeyCreated", description: "A registered passkey.", properties: passkeyProperties)

    static let passkey = BodySchema(
        name: "Passkey", description: "A passkey of the account.",
        properties: passkeyProperties + [.init("last_used_at", .nullable(timestamp), "When it last signed, or null.")]
    )

    static let passkeyList = BodySchema(name: "PasskeyList", description: "The account's passkeys, oldest first.", properties: [
        .init("passkeys", .list(.object(passkey)), "Every passkey of the account."),
    ])

    static let health = BodySchema(name: "Health", description: "The server and its store answer.", properties: [
        .init("status", .choice(["ok"]), "Fixed."),
    ])

    // MARK: Problems

    static let fieldError = BodySchema(name: "FieldError", description: "A rule broken by one field.", properties: [
        .init("field", .string(), "The field's name as the contract spells it."),
        .init("message", .string(), "What is wrong, in words a user can act on."),
    ])

    private static let problemProperties: [BodySchema.Property] = [
        .init("type", .string(), "Always about:blank."),
        .init("title", .string(), "A short summary of the problem type."),
        .init("status", .integer(minimum: 400), "The HTTP status."),
        .init("code", .choice(ErrorCatalogue.codes), "The stable machine code."),
        .init("detail", .string(), "A sentence for the user; never carries internal detail or secrets."),
    ]

    private static let fieldErrors = "One entry per broken rule."

    static let problem = BodySchema(
        name: "Problem", description: "An RFC 9457 problem document.",
        properties: problemProperties + [.init("errors", .list(.object(fieldError)), required: false, fieldErrors + " Only with validation_failed.")]
    )

    static let validationProblem = BodySchema(
        name: "ValidationProblem", description: "The problem document of validation_failed (422), with its field errors.",
        properties: problemProperties + [.init("errors", .list(.object(fieldError)), fieldErrors)]
    )

    /// Every schema, in the order the document's components list them.
    /// The anti-forgery token every form of the browser session posts.
    private static let antiForgeryToken = BodySchema.Property(
        AntiForgery.field, .string(), "The session's anti-forgery token, from the account page's form."
    )

    static let signOutForm = BodySchema(
        name: "SignOutForm", description: "The account page's sign-out form.", properties: [antiForgeryToken]
    )

    static let passwordChangeForm = BodySchema(
        name: "PasswordChangeForm", description: "The account page's password-change form.",
        properties: passwordChangeRequest.properties + [antiForgeryToken]
    )

    static let antiForgeryForm = BodySchema(
        name: "AntiForgeryForm", description: "A form of the account page's script: the anti-forgery token alone.",
        properties: [antiForgeryToken]
    )

    static let addPasskeyForm = BodySchema(
        name: "AddPasskeyForm", description: "The account page's form that registers a passkey, filled by its script.",
        properties: [
            .init(.credential, .string(), "The JSON text of the RegistrationResponseJSON."),
            .init(.name, .string(length: 0...64), required: false, "What to call it."),
            antiForgeryToken,
        ]
    )

    static let removePasskeyForm = BodySchema(
        name: "RemovePasskeyForm", description: "The account page's form that removes a passkey.",
        properties: [
            .init(passkeyIDField, .string(), "The passkey's id."),
            .init(.totpCode, code, required: false, totpCodeRule + " Or, instead:"),
            .init(.passkey, .string(), required: false, "The JSON text of an AuthenticationResponseJSON, filled by the page's script."),
            antiForgeryToken,
        ]
    )

    /// The account page's form field naming the passkey to remove: not a domain field, since the API takes it in the path.
    static let passkeyIDField = "passkey_id"

    static let all: [BodySchema] = [
        createAccountRequest, emailRequest, credentialsRequest, confirmAccountRequest,
        loginWithTOTPCode, loginWithRecoveryCode, resetWithTOTPCode, resetWithRecoveryCode,
        totpCodeRequest, recoveryCodeRequest, emptyRequest, passwordChangeRequest, signOutForm, passwordChangeForm,
        loginWithPasskey, resetWithPasskey, passkeyRequest, passwordChangeWithPasskey, registerPasskeyRequest,
        signInWithPasskeyRequest, antiForgeryForm, addPasskeyForm, removePasskeyForm,
        detail, totpEnrollment, accountCreated, recoveryCodesCreated, authenticatorReplaced, loginSucceeded, profile, health,
        creationOptions, requestOptions, passkeyCreated, passkey, passkeyList,
        problem, validationProblem, fieldError,
    ]
}
