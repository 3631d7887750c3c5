import Foundation
import MFAWebAuthn

/// Passkeys of a signed-in account: register, list, remove, and the options of a
/// passkey assertion as the second factor.
///
/// Every method throws ``MFAError/unavailable`` when passkeys are off (see
/// ``MFAConfiguration/relyingParty``).
extension MFAService {
    /// The longest name a passkey may have, in characters.
    public static let maximumPasskeyNameLength = 64

    /// Options to register a passkey for the session's account: user verification and a
    /// discoverable credential preferred, attestation `none`, the account's passkeys
    /// excluded. Their challenge answers once, from this session, for 5 minutes.
    ///
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/unavailable``.
    public func passkeyRegistrationOptions(sessionToken: String) async throws(MFAError) -> PublicKeyCredentialCreationOptionsJSON {
        let relyingParty = try passkeyRelyingParty()
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        return try await perform {
            let now = clock.now()
            let passkeys = try await store.passkeys(accountID: account.id)
            let challenge = try await issuePasskeyChallenge(for: .registration, binding: PasskeyBinding.session(session), now: now)
            let user = PublicKeyCredentialUserEntityJSON(
                id: try await passkeyUserHandle(of: account.id), name: account.email, displayName: account.fullName ?? account.email
            )
            return relyingParty.creationOptions(challenge: challenge, user: user, excludeCredentials: passkeys.map(\.descriptor))
        }
    }

    /// Registers the passkey `credential` creates, answering options of
    /// ``passkeyRegistrationOptions(sessionToken:)`` from the same session, and
    /// queues *A passkey was added*.
    ///
    /// - Parameters:
    ///   - name: What to call it; blank or `nil` for "Passkey N", the first number not taken.
    ///   - client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/invalidFields(_:)`` naming ``Field/credential`` for a response that answers
    ///   no challenge of this session or fails a check (which the message names), or whose credential is
    ///   registered already, and naming ``Field/name`` for a name too long or with control characters;
    ///   ``MFAError/unauthorized``, ``MFAError/unavailable``.
    public func registerPasskey(
        sessionToken: String, credential: RegistrationResponseJSON, name: String?, from client: ClientNetwork
    ) async throws(MFAError) -> PasskeySummary {
        let relyingParty = try passkeyRelyingParty()
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        let name = try Self.validatePasskeyName(name)
        return try await perform {
            let now = clock.now()
            guard let challenge = try await consumePasskeyChallenge(
                answeredBy: credential.response.clientDataJSON, for: .registration, binding: PasskeyBinding.session(session), now: now
            ) else {
                throw MFAError.invalid(.credential, "It answers no current challenge of this session; ask for new options.")
            }
            let registered: RegisteredCredential
            do throws(WebAuthnError) {
                registered = try relyingParty.verifyRegistration(credential, expectedChallenge: challenge)
            } catch {
                // The description names the failed check and never echoes the response.
                throw MFAError.invalid(.credential, error.description)
            }
            let existing = try await store.passkeys(accountID: account.id)
            let passkey = PasskeyRecord(
                id: random.uuidString(), accountID: account.id, credentialID: registered.id, publicKey: registered.publicKey,
                signCount: registered.signCount, backupEligible: registered.backupEligible, transports: registered.transports,
                name: name ?? Self.defaultPasskeyName(besides: existing), createdAt: now
            )
            try await store.addPasskey(passkey, mail: queue(composer.passkeyAdded(to: account.email, name: passkey.name), now: now))
            audit(.passkeys, from: client).record(.passkeyAdded, account: account.id)
            return passkey.summary
        }
    }

    /// The session's account's passkeys, oldest first.
    ///
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/unavailable``.
    public func passkeys(sessionToken: String) async throws(MFAError) -> [PasskeySummary] {
        _ = try passkeyRelyingParty()
        let (_, account) = try await signedInAccount(sessionToken: sessionToken)
        return try await perform { try await store.passkeys(accountID: account.id).map(\.summary) }
    }

    /// Removes one of the session's account's passkeys, given a current second factor
    /// (a TOTP code, a recovery code, or an assertion answering
    /// ``passkeyAssertionOptions(sessionToken:)``, even by the passkey removed), and queues
    /// *A passkey was removed*. A wrong factor counts like a failed login.
    ///
    /// The account keeps its TOTP authenticator, so it never loses its last factor
    /// other than recovery codes this way (see ``AuthenticatedChange/removesPasskey``).
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/notFound`` when the account has no passkey `id`;
    ///   ``MFAError/authenticationFailed``, ``MFAError/rateLimited(retryAfterSeconds:)``,
    ///   ``MFAError/invalidFields(_:)``, ``MFAError/unauthorized``, ``MFAError/unavailable``.
    public func removePasskey(
        sessionToken: String, id: String, secondFactor: SecondFactor, from client: ClientNetwork
    ) async throws(MFAError) {
        _ = try passkeyRelyingParty()
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        let factor = try validateShape(of: secondFactor)
        let audit = audit(.passkeys, from: client)
        try await perform {
            let now = clock.now()
            guard let passkey = try await store.passkeys(accountID: account.id).first(where: { $0.id == id }) else {
                throw MFAError.notFound
            }
            try admit(factor, for: account, now: now, audit: audit)
            let accepted = try await countingFailures(of: account, through: nil, now: now, audit: audit) {
                try await accept(factor, for: account, binding: PasskeyBinding.session(session), now: now)
            }
            let change = AuthenticatedChange(
                accountID: account.id, removesPasskey: passkey.id,
                mail: [queue(composer.passkeyRemoved(to: account.email, name: passkey.name), now: now)], now: now
            )
            _ = try await commit(change, by: account, as: .passkeyRemoved, audit: audit, burning: accepted)
        }
    }

    /// Options for an assertion by one of the session's account's passkeys, as the second
    /// factor of a request from the same session (a password change, new recovery codes,
    /// removing a passkey); answerable once, for 5 minutes.
    ///
    /// - Throws: ``MFAError/unauthorized``, ``MFAError/unavailable``.
    public func passkeyAssertionOptions(sessionToken: String) async throws(MFAError) -> PublicKeyCredentialRequestOptionsJSON {
        _ = try passkeyRelyingParty()
        let (session, account) = try await signedInAccount(sessionToken: sessionToken)
        return try await perform {
            try await passkeyAssertionOptions(for: account, binding: PasskeyBinding.session(session), now: clock.now())
        }
    }

    /// Options for an assertion by one of the account's passkeys, as the second factor
    /// of the completion of link `linkToken`, which must be usable for `purpose`; answerable
    /// once, through this link, for 5 minutes. Consumes and counts nothing.
    ///
    /// - Parameter client: the network the request comes from, for the security event of a dead link.
    /// - Throws: ``MFAError/linkInvalid``, ``MFAError/unavailable``.
    public func passkeyAssertionOptions(
        linkToken: String, purpose: LinkPurpose, from client: ClientNetwork
    ) async throws(MFAError) -> PublicKeyCredentialRequestOptionsJSON {
        _ = try passkeyRelyingParty()
        let audit = audit(.link(purpose), from: client)
        return try await perform {
            let now = clock.now()
            let link = try await usableLink(linkToken, for: purpose, now: now, audit: audit)
            let account = try await account(of: link, audit: audit)
            return try await passkeyAssertionOptions(for: account, binding: PasskeyBinding.link(link), now: now)
        }
    }

    /// A given name trimmed, or `nil` for a blank one.
    static func validatePasskeyName(_ name: String?) throws(MFAError) -> String? {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maximumPasskeyNameLength else {
            throw .invalid(.name, "A name has at most \(maximumPasskeyNameLength) characters.")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid(.name, "A name cannot contain control characters.")
        }
        return trimmed
    }

    /// "Passkey N" with the first N from 1 that no passkey of `existing` is called.
    static func defaultPasskeyName(besides existing: [PasskeyRecord]) -> String {
        let taken = Set(existing.map(\.name))
        return (1...).lazy.map { "Passkey \($0)" }.first { !taken.contains($0) }!
    }
}
