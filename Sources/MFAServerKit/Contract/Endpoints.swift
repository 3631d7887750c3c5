import MFACore

/// The endpoint table: every route of the HTTP contract, in the contract's order.
///
/// Each entry is the one place its route is written: the router registers its
/// handler (``MFARouter``), and ``APIDocumentation`` turns the same entries into
/// `/openapi.json` and `/docs`. Adding a route is one entry here plus its handler
/// in `Routes/`.
public enum Endpoints {
    private static let bodyErrors: [any HTTPProblem] = [RequestError.malformed(""), RequestError.payloadTooLarge, RequestError.unsupportedMediaType]
    private static let serverErrors: [any HTTPProblem] = [MFAError.internal, MFAError.unavailable]
    private static let limited = MFAError.rateLimited(retryAfterSeconds: 0)
    private static let invalid = MFAError.invalidFields([])

    static let all: [Endpoint] = browser + accountCreation + login + newAuthenticator + deletion + passwords + sessions + passkeys
        + operations

    /// The start page, which links to every workflow.
    static let homePath = "/"

    /// The account page of a signed-in browser.
    static let accountPath = "/account"

    /// Where the account page's forms post.
    static let signOutPath = "/account/logout"
    static let passwordChangePath = "/account/password"
    static let addPasskeyPath = "/account/passkeys"
    static let removePasskeyPath = "/account/passkeys/remove"
    /// Where the account page's script asks for the options of its ceremonies.
    static let accountRegistrationOptionsPath = "/account/passkeys/registration/options"
    static let accountAssertionOptionsPath = "/account/passkeys/assertion/options"

    /// The passkey API: the account's passkeys, and signing in with one alone.
    static let passkeysPath = "/users/passkeys"
    static let passkeySignInOptionsPath = "/users/login/passkey/options"
    static let passkeySignInPath = "/users/login/passkey"

    /// The one script the pages load: the passkey ceremonies.
    static let passkeyScriptPath = "/assets/passkeys.js"

    /// The purposes whose link completion takes a second factor, and so a passkey.
    static let secondFactorPurposes: [LinkPurpose] = [.login, .newAuthenticator, .passwordReset, .deleteAccount]

    /// Where the page of a `purpose` link asks for a passkey assertion's options: below the link's own path.
    static func passkeyOptionsPath(for purpose: LinkPurpose) -> String {
        linkPath(for: purpose) + "passkey-options"
    }

    /// The route that emails a link of `purpose`, such as `/users/login/`; a `GET` there
    /// shows its start page. The one place these paths are written.
    static func requestPath(for purpose: LinkPurpose) -> String {
        switch purpose {
        case .createAccount: "/users/create/"
        case .login: "/users/login/"
        // No route asks for an operator's link; a person after a new authenticator starts here.
        case .newAuthenticator, .authenticatorResetByOperator: "/users/mfa/new_totp_code/"
        case .passwordReset: "/users/password/reset/"
        case .deleteAccount: "/users/delete/"
        }
    }

    /// The path of the page an emailed link of `purpose` opens, below the public URL,
    /// such as `/users/login/mfa/`: the one place these paths are written, for the
    /// routes here and for the links the server mails.
    public static func linkPath(for purpose: LinkPurpose) -> String {
        switch purpose {
        case .createAccount: "/users/create/mfa/"
        case .login: "/users/login/mfa/"
        case .newAuthenticator: "/users/mfa/new_totp_code/confirm/"
        case .authenticatorResetByOperator: "/users/mfa/reset/confirm/"
        case .passwordReset: "/users/password/reset/confirm/"
        case .deleteAccount: "/users/delete/mfa/"
        }
    }

    /// `/users/login/mfa/?one_time_url=<token>`, as the descriptions show a link.
    private static func linkAddress(_ purpose: LinkPurpose) -> String {
        "\(linkPath(for: purpose))?\(ServerLinks.tokenParameter)=<token>"
    }

    // MARK: Link routes

    /// A route that emails a link: the same `202` whether or not the address has an account.
    private static func linkRequest(
        _ purpose: LinkPurpose, group: String, summary: String, body: BodySchema, detail: String, description: String,
        handler: @escaping Endpoint.Handler
    ) -> Endpoint {
        Endpoint(
            group: group, method: .post, path: requestPath(for: purpose), summary: summary,
            description: description + " A form-encoded request gets an HTML page back instead of JSON.",
            request: .init(alternatives: [body], acceptsForm: true),
            success: .init(status: 202, description: detail, content: .jsonOrPage(Schemas.detail)),
            errors: bodyErrors + [invalid, limited] + serverErrors,
            handler: handler
        )
    }

    /// The `GET` of an emailed link: shows the page and consumes nothing.
    private static func linkPage(_ purpose: LinkPurpose, group: String, summary: String, description: String) -> Endpoint {
        Endpoint(
            group: group, method: .get, path: linkPath(for: purpose), summary: summary,
            description: description + " Opening it consumes nothing.",
            access: .link,
            success: .init(status: 200, description: "The page with its form.", content: .page),
            errors: [MFAError.linkInvalid] + serverErrors,
            handler: { handlers, _ in handlers.linkPage(purpose) }
        )
    }

    /// The `POST` that completes an emailed link, as JSON or from the page's form.
    private static func linkCompletion(
        _ purpose: LinkPurpose, group: String, summary: String, description: String,
        request: [BodySchema], success: Endpoint.Success, errors: [any HTTPProblem],
        handler: @escaping Endpoint.Handler
    ) -> Endpoint {
        Endpoint(
            group: group, method: .post, path: linkPath(for: purpose), summary: summary,
            description: description + " A form-encoded request gets an HTML page back instead of JSON.",
            access: .link,
            request: .init(alternatives: request, acceptsForm: true),
            success: success,
            errors: bodyErrors + errors + [limited] + serverErrors,
            handler: handler
        )
    }

    /// The `GET` of a link-sending route: its start page.
    private static func startPage(_ purpose: LinkPurpose, summary: String) -> Endpoint {
        Endpoint(
            group: "Web pages", method: .get, path: requestPath(for: purpose), summary: summary,
            description: "An HTML form that posts form-encoded to this same route, which answers an HTML page.",
            success: .init(status: 200, description: "The page with its form.", content: .page),
            handler: { handlers, _ in handlers.startPage(purpose) }
        )
    }

    /// A form of the account page: the session cookie, the anti-forgery token, and a page back.
    private static func accountForm(
        path: String, summary: String, description: String, body: BodySchema, success: String, errors: [any HTTPProblem],
        handler: @escaping Endpoint.Handler
    ) -> Endpoint {
        Endpoint(
            group: "Web pages", method: .post, path: path, summary: summary,
            description: description + """
                 Without a valid session cookie: 303 to the sign-in page. Refused with 403 without the session's \
                anti-forgery token, or from another site (Sec-Fetch-Site: cross-site, or an Origin that is neither the \
                public URL's nor null).
                """,
            access: .cookie,
            request: .init(alternatives: [body], acceptsForm: true, acceptsJSON: false),
            success: .init(status: 200, description: success, content: .page),
            errors: [RequestError.forbidden] + bodyErrors + errors + [limited] + serverErrors,
            handler: handler
        )
    }

    // MARK: Groups

    private static let browser: [Endpoint] = [
        Endpoint(
            group: "Web pages", method: .get, path: homePath, summary: "Start page",
            description: "What the service is, with a link to the start page of each workflow.",
            success: .init(status: 200, description: "The start page.", content: .page),
            handler: { handlers, _ in handlers.homePage() }
        ),
        startPage(.createAccount, summary: "Sign-up page"),
        startPage(.login, summary: "Page asking for a sign-in link"),
        startPage(.passwordReset, summary: "Page asking for a password-reset link"),
        startPage(.newAuthenticator, summary: "Page asking for a new-authenticator link"),
        startPage(.deleteAccount, summary: "Page asking for a deletion link"),
        Endpoint(
            group: "Web pages", method: .get, path: accountPath, summary: "Account page",
            description: """
                For a browser signed in through the sign-in page: the address, name, creation time, last sign-in and \
                recovery codes left, with forms to sign out, change the password and replace the authenticator. \
                Without a valid session cookie: 303 to the sign-in page.
                """,
            access: .cookie,
            success: .init(status: 200, description: "The account page.", content: .page),
            errors: serverErrors,
            handler: { handlers, _ in handlers.accountPage() }
        ),
        accountForm(
            path: signOutPath, summary: "Sign out the browser",
            description: "Ends the cookie's session and removes the cookie.",
            body: Schemas.signOutForm, success: "Signed out.", errors: [],
            handler: { handlers, _ in handlers.signOutBrowser() }
        ),
        accountForm(
            path: passwordChangePath, summary: "Change the password from the account page",
            description: """
                As POST /users/password/change, for the cookie's session: every other session is revoked and an email \
                says so. Answers the account page, with the outcome or the problem.
                """,
            body: Schemas.passwordChangeForm, success: "Password changed.",
            errors: [MFAError.authenticationFailed, invalid],
            handler: { handlers, _ in handlers.changePasswordInBrowser() }
        ),
        accountForm(
            path: addPasskeyPath, summary: "Register a passkey from the account page",
            description: "As POST /users/passkeys/registration, for the cookie's session; the page's script fills the form.",
            body: Schemas.addPasskeyForm, success: "The account page, saying the passkey was added.", errors: [invalid],
            handler: { handlers, _ in handlers.addPasskeyInBrowser() }
        ),
        accountForm(
            path: removePasskeyPath, summary: "Remove a passkey from the account page",
            description: "As DELETE /users/passkeys/{id}, for the cookie's session, with a TOTP code or (through the page's script) a passkey.",
            body: Schemas.removePasskeyForm, success: "The account page, saying the passkey was removed.",
            errors: [MFAError.authenticationFailed, MFAError.notFound, invalid],
            handler: { handlers, _ in handlers.removePasskeyInBrowser() }
        ),
        accountScriptOptions(
            path: accountRegistrationOptionsPath, summary: "Options to register a passkey, for the account page's script",
            schema: Schemas.creationOptions, handler: { handlers, _ in handlers.registrationOptionsInBrowser() }
        ),
        accountScriptOptions(
            path: accountAssertionOptionsPath, summary: "Options for a passkey as second factor, for the account page's script",
            schema: Schemas.requestOptions, handler: { handlers, _ in handlers.assertionOptionsInBrowser() }
        ),
        Endpoint(
            group: "Web pages", method: .get, path: passkeyScriptPath, summary: "The pages' passkey script",
            description: """
                The one script the pages load, on the pages that offer passkeys only (whose Content-Security-Policy then \
                allows script-src 'self' and connect-src 'self'). The pages work without it, minus passkeys.
                """,
            success: .init(
                status: 200, description: "The script.",
                content: .other(mediaType: "text/javascript", description: "The passkey ceremonies of the pages.")
            ),
            handler: { handlers, _ in handlers.passkeyScript() }
        ),
    ]

    /// A `POST` of the account page's script: the session cookie and its anti-forgery token in, JSON options out.
    private static func accountScriptOptions(
        path: String, summary: String, schema: BodySchema, handler: @escaping Endpoint.Handler
    ) -> Endpoint {
        Endpoint(
            group: "Web pages", method: .post, path: path, summary: summary,
            description: """
                As the bearer route, for the cookie's session. Without a valid session: 401. Refused with 403 without the \
                session's anti-forgery token, or from another site.
                """,
            access: .cookie,
            request: .init(alternatives: [Schemas.antiForgeryForm], acceptsForm: true, acceptsJSON: false),
            success: .init(status: 200, description: "The options.", content: .json(schema)),
            errors: [RequestError.forbidden, MFAError.unauthorized] + bodyErrors + [limited] + serverErrors,
            handler: handler
        )
    }

    private static let accountCreation: [Endpoint] = [
        linkRequest(
            .createAccount, group: "Account creation", summary: "Register an address",
            body: Schemas.createAccountRequest,
            detail: "If this address can be used, a confirmation link has been sent to it.",
            description: """
                Stores a pending registration (the password already hashed) and emails the link \
                \(linkAddress(.createAccount)). An address that already has an account gets an email saying so, \
                with no link; the answer is the same either way. A second request for a pending address replaces the first.
                """,
            handler: { $0.requestAccountCreation($1) }
        ),
        linkPage(
            .createAccount, group: "Account creation", summary: "Page confirming a registration",
            description: "An HTML form asking for the password again."
        ),
        linkCompletion(
            .createAccount, group: "Account creation", summary: "Confirm a registration",
            description: """
                Creates the account and answers its TOTP secret and ten recovery codes, shown once; the page shows the \
                otpauth URI as a QR code. A link allows 5 failed attempts, then it is burned (410).
                """,
            request: [Schemas.confirmAccountRequest],
            success: .init(status: 201, description: "Account created.", content: .jsonOrPage(Schemas.accountCreated)),
            errors: [MFAError.authenticationFailed, MFAError.linkInvalid, invalid],
            handler: { $0.confirmAccountCreation($1) }
        ),
    ]

    private static let login: [Endpoint] = [
        linkRequest(
            .login, group: "Login", summary: "Ask for a sign-in link",
            body: Schemas.emailRequest,
            detail: "If an account exists for this address, a sign-in link has been sent to it.",
            description: "Emails the link \(linkAddress(.login)) if the account exists; the answer is the same for unknown addresses.",
            handler: { $0.requestLogin($1) }
        ),
        linkPage(
            .login, group: "Login", summary: "Sign-in page",
            description: "An HTML form for the password and a TOTP code, or a recovery code instead."
        ),
        linkCompletion(
            .login, group: "Login", summary: "Sign in",
            description: """
                Checks the password and a TOTP code (the previous, current and next time step; each step once per account), \
                a recovery code (once) or a passkey's assertion, and opens a session. Wrong password or code: 401, the same for either. \
                A link allows 5 failed attempts; every 10th consecutive failure locks the account, first for 15 minutes and \
                each further lock twice as long, at most a day (429, even for correct input); after 100 consecutive failures \
                TOTP codes are refused (429) until a recovery code signs in. A code of another length is 422 and counts nothing.
                """,
            request: [Schemas.loginWithTOTPCode, Schemas.loginWithRecoveryCode, Schemas.loginWithPasskey],
            success: .init(status: 200, description: "Login successful.", content: .jsonOrPage(Schemas.loginSucceeded)),
            errors: [MFAError.authenticationFailed, MFAError.linkInvalid, invalid],
            handler: { $0.completeLogin($1) }
        ),
    ]

    private static let newAuthenticator: [Endpoint] = [
        linkRequest(
            .newAuthenticator, group: "New authenticator", summary: "Ask for a new-authenticator link",
            body: Schemas.credentialsRequest,
            detail: "If the credentials are correct, a link to set up a new authenticator has been sent.",
            description: "Only with the correct password, emails the link \(linkAddress(.newAuthenticator)); the answer is the same either way.",
            handler: { $0.requestNewAuthenticator($1) }
        ),
        linkPage(
            .newAuthenticator, group: "New authenticator", summary: "Page confirming a new authenticator",
            description: "An HTML form asking for a current second factor: a TOTP code, or a recovery code instead."
        ),
        linkCompletion(
            .newAuthenticator, group: "New authenticator", summary: "Issue a new authenticator secret",
            description: """
                Issues a new TOTP secret and ten new recovery codes, given a current second factor: a password and a \
                mailbox alone never replace the authenticator. A wrong code is 401, counted exactly like a failed login. \
                The old secret and codes stop working, every session of the account is revoked, and an email says so.
                """,
            request: [Schemas.totpCodeRequest, Schemas.recoveryCodeRequest, Schemas.passkeyRequest],
            success: .init(status: 200, description: "New authenticator secret issued.", content: .jsonOrPage(Schemas.authenticatorReplaced)),
            errors: [MFAError.authenticationFailed, MFAError.linkInvalid, invalid],
            handler: { $0.confirmNewAuthenticator($1) }
        ),
        linkPage(
            .authenticatorResetByOperator, group: "New authenticator", summary: "Page confirming an operator's authenticator reset",
            description: """
                The page of the link that `mfa-server accounts reset-authenticator EMAIL` mails: it says that an operator \
                started this and that no old factor is needed, with a button.
                """
        ),
        linkCompletion(
            .authenticatorResetByOperator, group: "New authenticator", summary: "Issue a new authenticator secret, reset by an operator",
            description: """
                As POST /users/mfa/new_totp_code/confirm/, but with an empty body: no second factor is asked for, because \
                an operator checked the owner's identity out of band and sent the link \
                (`mfa-server accounts reset-authenticator EMAIL`, which also revoked every session). The old secret and \
                codes stop working, every session is revoked, the failure count and any lock are cleared, and an email says so.
                """,
            request: [Schemas.emptyRequest],
            success: .init(status: 200, description: "New authenticator secret issued.", content: .jsonOrPage(Schemas.authenticatorReplaced)),
            errors: [MFAError.linkInvalid],
            handler: { $0.confirmAuthenticatorReset($1) }
        ),
    ]

    private static let deletion: [Endpoint] = [
        linkRequest(
            .deleteAccount, group: "Account deletion", summary: "Ask for a deletion link",
            body: Schemas.credentialsRequest,
            detail: "If the credentials are correct, a confirmation link has been sent.",
            description: "Only with the correct password, emails the link \(linkAddress(.deleteAccount)); the answer is the same either way.",
            handler: { $0.requestDeletion($1) }
        ),
        linkPage(
            .deleteAccount, group: "Account deletion", summary: "Page confirming a deletion",
            description: "An HTML page asking for a current second factor, with a button. A GET never deletes: mail scanners open links."
        ),
        linkCompletion(
            .deleteAccount, group: "Account deletion", summary: "Delete the account",
            description: """
                Deletes the account, its sessions, recovery codes and pending links, given a current second factor \
                (a wrong code is 401, counted like a failed login), and emails a notice. The address can register again.
                """,
            request: [Schemas.totpCodeRequest, Schemas.recoveryCodeRequest, Schemas.passkeyRequest],
            success: .init(status: 200, description: "Account deleted.", content: .jsonOrPage(Schemas.detail)),
            errors: [MFAError.authenticationFailed, MFAError.linkInvalid, invalid],
            handler: { $0.confirmDeletion($1) }
        ),
    ]

    private static let passwords: [Endpoint] = [
        linkRequest(
            .passwordReset, group: "Password", summary: "Ask for a password-reset link",
            body: Schemas.emailRequest,
            detail: "If an account exists for this address, a password reset link has been sent to it.",
            description: "Emails the link \(linkAddress(.passwordReset)) if the account exists; the answer is the same for unknown addresses.",
            handler: { $0.requestPasswordReset($1) }
        ),
        linkPage(
            .passwordReset, group: "Password", summary: "Password-reset page",
            description: "An HTML form for the new password and a TOTP code, or a recovery code instead."
        ),
        linkCompletion(
            .passwordReset, group: "Password", summary: "Reset the password",
            description: """
                Sets a new password. The second factor is required: a mailbox alone never takes over an account. A wrong \
                code counts like a failed login. Every session of the account is revoked and an email says so.
                """,
            request: [Schemas.resetWithTOTPCode, Schemas.resetWithRecoveryCode, Schemas.resetWithPasskey],
            success: .init(status: 200, description: "Password changed.", content: .jsonOrPage(Schemas.detail)),
            errors: [MFAError.authenticationFailed, MFAError.linkInvalid, invalid],
            handler: { $0.confirmPasswordReset($1) }
        ),
        Endpoint(
            group: "Password", method: .post, path: "/users/password/change", summary: "Change the password",
            description: """
                Changes the signed-in account's password, given the current password and a TOTP code or a passkey's \
                assertion. Every other session of the account is revoked and an email says so.
                """,
            access: .session,
            request: .init(alternatives: [Schemas.passwordChangeRequest, Schemas.passwordChangeWithPasskey], acceptsForm: false),
            success: .init(status: 200, description: "Password changed.", content: .json(Schemas.detail)),
            errors: bodyErrors + [MFAError.authenticationFailed, MFAError.unauthorized, invalid, limited] + serverErrors,
            handler: { $0.changePassword($1) }
        ),
    ]

    private static let sessions: [Endpoint] = [
        Endpoint(
            group: "Session", method: .get, path: "/users/me", summary: "The signed-in account",
            description: "Answers the account the session token belongs to.",
            access: .session,
            success: .init(status: 200, description: "The account.", content: .json(Schemas.profile)),
            errors: [MFAError.unauthorized] + serverErrors,
            handler: { $0.profile($1) }
        ),
        Endpoint(
            group: "Session", method: .post, path: "/users/logout", summary: "Sign out",
            description: "Revokes the session token; it stops working at once. No body is needed.",
            access: .session,
            success: .init(status: 204, description: "Signed out.", content: .none),
            errors: [MFAError.unauthorized, limited] + serverErrors,
            handler: { $0.logout($1) }
        ),
        Endpoint(
            group: "Session", method: .post, path: "/users/recovery-codes", summary: "Create new recovery codes",
            description: """
                Issues ten new recovery codes, shown once, given a current TOTP code or a passkey's assertion; the old codes \
                stop working and an \
                email says so. Accounts imported from the prototype have none until they call this. A wrong code counts \
                against the account like a failed login.
                """,
            access: .session,
            request: .init(alternatives: [Schemas.totpCodeRequest, Schemas.passkeyRequest], acceptsForm: false),
            success: .init(status: 200, description: "New recovery codes.", content: .json(Schemas.recoveryCodesCreated)),
            errors: bodyErrors + [MFAError.authenticationFailed, MFAError.unauthorized, invalid, limited] + serverErrors,
            handler: { $0.createRecoveryCodes($1) }
        ),
    ]

    /// A route that answers options of a passkey ceremony: `{"publicKey": {...}}`.
    private static func passkeyOptions(
        path: String, summary: String, description: String, access: Endpoint.Access, schema: BodySchema, errors: [any HTTPProblem],
        handler: @escaping Endpoint.Handler
    ) -> Endpoint {
        Endpoint(
            group: "Passkeys", method: .post, path: path, summary: summary,
            description: description + " Answers 503 when passkeys are off (a public URL on an IP address and no MFA_WEBAUTHN_RP_ID).",
            access: access,
            request: .init(alternatives: [Schemas.emptyRequest], acceptsForm: false, isRequired: false),
            success: .init(status: 200, description: "The options.", content: .json(schema)),
            errors: bodyErrors + errors + [limited] + serverErrors,
            handler: handler
        )
    }

    private static let passkeys: [Endpoint] = [
        passkeyOptions(
            path: passkeysPath + "/registration/options", summary: "Options to register a passkey",
            description: "Creation options for the signed-in account, answerable once from this session within 5 minutes.",
            access: .session, schema: Schemas.creationOptions, errors: [MFAError.unauthorized],
            handler: { handlers, success in handlers.passkeyRegistrationOptions(success) }
        ),
        Endpoint(
            group: "Passkeys", method: .post, path: passkeysPath + "/registration", summary: "Register a passkey",
            description: """
                Verifies the new credential (client data, origin, RP id hash, flags, attestation none or packed, key \
                ES256, EdDSA or RS256) and stores it with the account; an email says so. A response that fails any check, \
                answers no challenge of this session, or whose credential is registered already is 422 naming credential.
                """,
            access: .session,
            request: .init(alternatives: [Schemas.registerPasskeyRequest], acceptsForm: false),
            success: .init(status: 201, description: "Passkey registered.", content: .json(Schemas.passkeyCreated)),
            errors: bodyErrors + [MFAError.unauthorized, invalid, limited] + serverErrors,
            handler: { $0.registerPasskey($1) }
        ),
        Endpoint(
            group: "Passkeys", method: .get, path: passkeysPath, summary: "The account's passkeys",
            description: "Every passkey of the signed-in account, oldest first.",
            access: .session,
            success: .init(status: 200, description: "The passkeys.", content: .json(Schemas.passkeyList)),
            errors: [MFAError.unauthorized] + serverErrors,
            handler: { $0.listPasskeys($1) }
        ),
        Endpoint(
            group: "Passkeys", method: .delete, path: passkeysPath + "/{id}", summary: "Remove a passkey",
            description: """
                Removes one of the account's passkeys, given a current second factor: a TOTP code, a recovery code, or a \
                passkey's assertion (any of the account's, this one too). A wrong factor is 401, counted like a failed \
                login. An email says so. Every account keeps its authenticator app, so no removal leaves it without a \
                factor other than recovery codes.
                """,
            access: .session,
            request: .init(alternatives: [Schemas.totpCodeRequest, Schemas.recoveryCodeRequest, Schemas.passkeyRequest], acceptsForm: false),
            success: .init(status: 204, description: "Passkey removed.", content: .none),
            errors: bodyErrors + [MFAError.authenticationFailed, MFAError.unauthorized, MFAError.notFound, invalid, limited] + serverErrors,
            pathParameters: [(name: "id", description: "The passkey's id, from GET /users/passkeys.")],
            handler: { $0.removePasskey($1) }
        ),
        passkeyOptions(
            path: passkeysPath + "/assertion/options", summary: "Options for a passkey as second factor of a session",
            description: """
                Request options listing the account's passkeys, for the passkey field of POST /users/password/change, \
                POST /users/recovery-codes and DELETE /users/passkeys/{id} from this session; answerable once within 5 minutes.
                """,
            access: .session, schema: Schemas.requestOptions, errors: [MFAError.unauthorized],
            handler: { handlers, success in handlers.sessionAssertionOptions(success) }
        ),
        passkeyOptions(
            path: passkeySignInOptionsPath, summary: "Options to sign in with a passkey alone",
            description: "Request options with no credential list (discoverable passkeys) and user verification required.",
            access: .open, schema: Schemas.requestOptions, errors: [],
            handler: { handlers, success in handlers.passkeySignInOptions(success) }
        ),
        Endpoint(
            group: "Passkeys", method: .post, path: passkeySignInPath, summary: "Sign in with a passkey alone",
            description: """
                A full login without link or password: the passkey verified its user, so it counts as two factors. Any \
                failure is 401 and counts against no account; a locked account is 429 as everywhere. A form-encoded \
                request (the sign-in page's script) sets the session cookie and answers 303 to the account page instead of JSON.
                """,
            request: .init(alternatives: [Schemas.signInWithPasskeyRequest], acceptsForm: true),
            success: .init(status: 200, description: "Login successful.", content: .jsonOrPage(Schemas.loginSucceeded)),
            errors: bodyErrors + [MFAError.authenticationFailed, invalid, limited] + serverErrors,
            handler: { $0.signInWithPasskey($1) }
        ),
    ] + secondFactorPurposes.map { purpose in
        passkeyOptions(
            path: passkeyOptionsPath(for: purpose), summary: "Options for a passkey at \(linkPath(for: purpose))",
            description: """
                Request options listing the account's passkeys, for the passkey field of POST \(linkPath(for: purpose)) \
                through this same link; answerable once within 5 minutes. Consumes and counts nothing.
                """,
            access: .link, schema: Schemas.requestOptions, errors: [MFAError.linkInvalid],
            handler: { handlers, success in handlers.linkAssertionOptions(purpose, success) }
        )
    }

    private static let operations: [Endpoint] = [
        Endpoint(
            group: "Operations", method: .get, path: "/health", summary: "Health check",
            description: "200 when the store answers, 503 otherwise.",
            success: .init(status: 200, description: "The store answers.", content: .json(Schemas.health)),
            errors: [MFAError.unavailable],
            handler: { $0.health($1) }
        ),
        Endpoint(
            group: "Operations", method: .get, path: "/openapi.json", summary: "This OpenAPI document",
            description: "The OpenAPI 3.1 document of every route.",
            success: .init(
                status: 200, description: "The document.",
                content: .other(mediaType: "application/json", description: "An OpenAPI 3.1 document.")
            ),
            handler: { $0.openAPIDocument($1) }
        ),
        Endpoint(
            group: "Operations", method: .get, path: "/docs", summary: "API reference",
            description: "A self-contained HTML reference of the API.",
            success: .init(status: 200, description: "The reference.", content: .page),
            handler: { $0.referencePage($1) }
        ),
    ]
}
