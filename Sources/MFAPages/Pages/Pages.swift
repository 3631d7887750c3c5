import MFACore

/// The HTML pages of the contract, for the server to send: the start pages, the
/// pages behind the emailed links and the account page of a signed-in browser.
///
/// Every page is a complete, self-contained document: one inline style sheet, no
/// external font, style or image (the QR code is inline SVG), and every value it shows
/// escaped. No page has inline script; the pages that offer passkeys (when given
/// ``PasskeyPageLinks`` or ``AccountPasskeyLinks``) load ``PasskeyScript`` from this
/// server, and work without it. Forms post `application/x-www-form-urlencoded` to the
/// link's own address (the `action` the server gives, token included), with the contract's field
/// names. A `GET` answers ``form(for:action:problem:)`` and changes nothing; the
/// `POST` answers one of the outcome pages, or the form again with the problem.
///
/// Send every page with ``contentType`` and every header of ``securityHeaders``.
/// The HTTP status is the server's: `200` for a form, the problem's status for a page
/// showing a problem, and the contract's success status for an outcome.
public enum Pages {
    /// The `Content-Type` of every page.
    public static let contentType = "text/html; charset=utf-8"

    /// The headers the contract requires on every HTML page, `/docs` included:
    /// a Content Security Policy that allows inline styles and nothing else, no
    /// MIME sniffing, no referrer (the URL carries a token) and no caching.
    public static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", strictContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// The Content-Security-Policy of every page without script: inline styles, and nothing else.
    public static let strictContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"

    /// The Content-Security-Policy of a page that loads ``PasskeyScript``: the strict one of
    /// ``securityHeaders``, plus this server's scripts and requests (`script-src 'self'`,
    /// `connect-src 'self'`), and still no inline script.
    public static let scriptedContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"

    /// The Content-Security-Policy `html` needs: ``scriptedContentSecurityPolicy`` for a
    /// page that loads the script, the strict one of ``securityHeaders`` for every other.
    ///
    /// Only markup these pages write can hold a `<script` element, since every text they
    /// show is escaped, so looking for one is enough.
    public static func contentSecurityPolicy(for html: String) -> String {
        html.contains("<script ") ? scriptedContentSecurityPolicy : strictContentSecurityPolicy
    }

    /// The page an emailed link opens: what the link does and its form.
    ///
    /// - Parameters:
    ///   - purpose: Which link was opened.
    ///   - action: Where the forms post: the link's own address, token included,
    ///     as the server spells it.
    ///   - problem: Why the last `POST` failed, or `nil` for a `GET`. The form is
    ///     shown again below the problem, with field messages next to their fields,
    ///     except for a dead link (``PageProblem/Kind/linkInvalid``), which gets ``error(_:)``.
    ///   - passkeys: Where the passkey alternative's script goes; `nil` offers none.
    /// - Returns: The HTML document.
    public static func form(
        for purpose: LinkPurpose, action: String, problem: PageProblem? = nil, passkeys: PasskeyPageLinks? = nil
    ) -> String {
        if let problem, problem.kind == .linkInvalid {
            return error(problem)
        }
        return purpose.page.html(action: action, problem: problem, passkeys: passkeys)
    }

    /// The start page (`GET /`): what the service does and a link to each workflow's start page.
    ///
    /// - Parameters:
    ///   - link: The address of each workflow's start page.
    ///   - account: The address of the account page.
    public static func home(link: (LinkPurpose) -> String, account: String) -> String {
        HomePage.html(link: link, account: account)
    }

    /// The start page of a workflow: a form asking for its emailed link.
    ///
    /// - Parameters:
    ///   - purpose: The workflow.
    ///   - action: Where the form posts: the route that sends the link.
    ///   - home: The address of ``home(link:account:)``.
    ///   - email: The address to keep in its field, after an error.
    ///   - passkeys: For the sign-in page, where signing in with a passkey alone goes; `nil` offers none.
    ///   - problem: Why the last `POST` failed; field messages stand next to their fields,
    ///     and the first wrong field has the focus.
    public static func start(
        for purpose: LinkPurpose, action: String, home: String, email: String = "", passkeys: PasskeyPageLinks? = nil,
        problem: PageProblem? = nil
    ) -> String {
        purpose.startPage(email: email, home: home).html(action: action, problem: problem, passkeys: passkeys)
    }

    /// The answer to a start page's form (`202`): the route's own sentence, and what to do next.
    public static func linkSent(detail: String, home: String) -> String {
        MessagePage.html(
            title: "Check your email", sentences: [detail, "The link works once and only for a few minutes."],
            link: (home, "All actions")
        )
    }

    /// The account page of a signed-in browser: address, name, creation, last sign-in and
    /// recovery codes left, with the forms to sign out, change the password and replace the
    /// authenticator; and its passkeys, to add and remove, when `forms` has their links.
    ///
    /// - Parameters:
    ///   - notice: What the last form achieved, such as "Password changed.".
    ///   - problem: Why the last password change failed.
    public static func account(
        _ overview: AccountOverview, forms: AccountPageForms, notice: String? = nil, problem: PageProblem? = nil
    ) -> String {
        AccountPage.html(overview, forms: forms, notice: notice, problem: problem)
    }

    /// The page after signing out in the browser.
    public static func signedOut(signIn: String) -> String {
        MessagePage.html(
            title: "Signed out", sentences: ["This browser's session has ended."], link: (signIn, "Sign in again")
        )
    }

    /// The outcome of confirming a new account (`201`): the QR code and secret
    /// for an authenticator app, and the recovery codes, with a warning that they
    /// are shown only once.
    public static func accountCreated(_ enrollment: Enrollment) -> String {
        EnrollmentPage.html(
            enrollment,
            title: "Account created",
            introduction: "Your account <strong>\(enrollment.email)</strong> exists. Two steps remain before you can sign in."
        )
    }

    /// The outcome of confirming a new authenticator (`200`): the same layout as
    /// ``accountCreated(_:)`` for the new secret and recovery codes.
    public static func authenticatorReplaced(_ enrollment: Enrollment) -> String {
        EnrollmentPage.html(
            enrollment,
            title: "New authenticator secret issued",
            introduction: """
                The old secret and recovery codes of <strong>\(enrollment.email)</strong> no longer work, \
                and every session was signed out.
                """
        )
    }

    /// The outcome of a password reset (`200`).
    public static func passwordChanged() -> String {
        Layout.document(title: "Password changed", body: """
            <div class="card">
            <h1>Password changed</h1>
            <p>Every session of your account was signed out. Sign in again with your new password.</p>
            </div>
            """)
    }

    /// The outcome of an account deletion (`200`).
    public static func accountDeleted() -> String {
        Layout.document(title: "Account deleted", body: """
            <div class="card">
            <h1>Account deleted</h1>
            <p>Your account, its sessions and its recovery codes are gone. The address can be used to register again.</p>
            </div>
            """)
    }

    /// A page for any error without a form, such as a `GET` of a dead link (`410`)
    /// or an error the server meets before it knows which link was meant. Send it
    /// with the problem's status, and with `Retry-After` for a limit.
    public static func error(_ error: PageProblem) -> String {
        ErrorPage.html(error)
    }
}
