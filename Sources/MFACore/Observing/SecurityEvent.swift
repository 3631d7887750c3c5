/// An authentication event an operator may need to audit: what happened, to
/// which account, from which client network, and why.
///
/// MFACore reports each through ``MFAEventObserver`` as ``MFAEvent/security(_:)``,
/// from the one place its rule decides; mfa-server logs each as one line.
/// An event never carries an email address or a secret (password, code, token,
/// hash): it names the account by its id, and an address with no account not at all.
///
/// A new kind of event is one new case of ``Kind`` (and, if it needs one, of ``Reason``).
public struct SecurityEvent: Sendable, Hashable {
    /// What happened. The raw value is the event's name in logs.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A link-sending request was answered: the link was sent, or, with a
        /// ``Reason``, a decoy was written instead (`no_account`, `wrong_password`)
        /// or the owner was told that the address has an account (`account_exists`);
        /// or an `operator` had a link sent.
        case linkRequested = "link_requested"
        /// A completion was refused; the ``Reason`` says why.
        case completionFailed = "completion_failed"
        /// A login completed; `recovery_code` when a recovery code was the second factor,
        /// `passkey` when a passkey was (or, with the purpose `passkey_sign_in`, signed in alone).
        case loginSucceeded = "login_succeeded"
        /// An account was created: registered through its link, or `imported`.
        case accountCreated = "account_created"
        /// An account was deleted through its link, or by an `operator`.
        case accountDeleted = "account_deleted"
        /// A new TOTP secret and recovery codes replaced the old ones.
        case authenticatorReplaced = "authenticator_replaced"
        /// A signed-in user registered a passkey.
        case passkeyAdded = "passkey_added"
        /// A signed-in user removed a passkey.
        case passkeyRemoved = "passkey_removed"
        /// A signed-in user replaced their recovery codes.
        case recoveryCodesReplaced = "recovery_codes_replaced"
        /// A signed-in user changed their password.
        case passwordChanged = "password_changed"
        /// A password was reset through its link.
        case passwordReset = "password_reset"
        /// Failures locked the account (`repeated_failures`), or reached the
        /// ceiling from which TOTP codes are refused (`failure_ceiling`).
        case accountLocked = "account_locked"
        /// An operator cleared the account's lock and failure count.
        case accountUnlocked = "account_unlocked"
        /// Sessions ended: one by `logout`, every one by an `operator`, or, with
        /// the ``Purpose`` that did it, by a password change or reset, a new
        /// authenticator or a deletion.
        case sessionsRevoked = "sessions_revoked"
        /// A limit refused a request; the ``Reason`` names the limit.
        case rateLimited = "rate_limited"
        /// A request failed because the store or the service could not serve it;
        /// the ``Reason`` says which, and ``SecurityEvent/cause`` the error.
        case unavailable
    }

    /// What the user was doing.
    public enum Purpose: Sendable, Hashable {
        /// Requesting or following a one-time link of this purpose.
        case link(LinkPurpose)
        /// Changing the password while signed in.
        case passwordChange
        /// Replacing the recovery codes while signed in.
        case recoveryCodes
        /// Registering or removing passkeys while signed in.
        case passkeys
        /// Signing in with a passkey alone.
        case passkeySignIn

        /// The purpose's name in logs: the link purpose's raw value, `password_change` or `recovery_codes`.
        public var name: String {
            switch self {
            case .link(let purpose): purpose.rawValue
            case .passwordChange: "password_change"
            case .recoveryCodes: "recovery_codes"
            case .passkeys: "passkeys"
            case .passkeySignIn: "passkey_sign_in"
            }
        }
    }

    /// Why, or how. The raw value is the reason's name in logs.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The address has no account (a link request answered with a decoy).
        case noAccount = "no_account"
        /// The address has an account already (a registration request).
        case accountExists = "account_exists"
        /// The password did not match.
        case wrongPassword = "wrong_password"
        /// The link is unknown, expired, used, burned, made for another purpose,
        /// or its account or registration is gone: the store does not say which.
        case linkInvalid = "link_invalid"
        /// The TOTP code matched no time step in the window.
        case wrongTOTPCode = "wrong_totp_code"
        /// The TOTP code's time step was accepted before: a replay.
        case reusedTOTPCode = "reused_totp_code"
        /// The recovery code is unknown or used.
        case wrongRecoveryCode = "wrong_recovery_code"
        /// The passkey assertion answers no challenge of this request, names no passkey
        /// of the account, or fails a check of its signature, origin, RP id or flags.
        case wrongPasskey = "wrong_passkey"
        /// The passkey's signature counter did not grow: perhaps a cloned authenticator.
        case passkeyCounter = "passkey_counter"
        /// The account is locked after failed completions.
        case accountLocked = "account_locked"
        /// The account reached the failure ceiling, so TOTP codes are refused.
        case failureCeiling = "failure_ceiling"
        /// Consecutive failures reached a multiple of the lock threshold.
        case repeatedFailures = "repeated_failures"
        /// A recovery code was the second factor.
        case recoveryCode = "recovery_code"
        /// A passkey was the second factor, or signed in alone.
        case passkey
        /// The user signed out.
        case logout
        /// An operator did it.
        case `operator`
        /// The account was imported from another system.
        case imported
        /// Requests per client network.
        case requestsPerClient = "requests_per_client"
        /// Link-sending requests per address and client network, or per address
        /// in total: the store refuses both at once and does not say which.
        case linksPerAddress = "links_per_address"
        /// The store failed or cannot be reached.
        case store
        /// Every password-hashing slot was busy and the queue full.
        case overloaded
        /// Any other failure; ``SecurityEvent/cause`` names the error's type.
        case error
    }

    /// What happened.
    public var kind: Kind
    /// The account it happened to, when there is one.
    public var accountID: String?
    /// Where the request came from; `nil` for what no client asked for, such as an operator's action.
    public var client: ClientNetwork?
    /// What the user was doing.
    public var purpose: Purpose?
    /// Why, or how.
    public var reason: Reason?
    /// For ``Kind/unavailable``: the store's description of its failure, or the error's type.
    public var cause: String?

    /// Creates an event.
    public init(
        _ kind: Kind, accountID: String? = nil, client: ClientNetwork? = nil, purpose: Purpose? = nil,
        reason: Reason? = nil, cause: String? = nil
    ) {
        self.kind = kind
        self.accountID = accountID
        self.client = client
        self.purpose = purpose
        self.reason = reason
        self.cause = cause
    }
}
