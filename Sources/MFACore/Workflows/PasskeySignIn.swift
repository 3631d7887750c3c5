import Foundation
import MFAWebAuthn

/// Signing in with a discoverable passkey alone: no link, no password.
///
/// The passkey must verify its user (a PIN or biometrics, the UV flag), so it counts
/// as two factors: something the user has and something they know or are.
extension MFAService {
    /// Options for a sign-in with a passkey alone: no credential list (the browser
    /// offers the discoverable passkeys it has for this site), user verification
    /// required; answerable once, for 5 minutes.
    ///
    /// - Throws: ``MFAError/unavailable``.
    public func passkeySignInOptions() async throws(MFAError) -> PublicKeyCredentialRequestOptionsJSON {
        let relyingParty = try passkeyRelyingParty()
        return try await perform {
            let challenge = try await issuePasskeyChallenge(for: .signIn, binding: PasskeyBinding.none, now: clock.now())
            return relyingParty.requestOptions(challenge: challenge, userVerification: .required)
        }
    }

    /// Signs in with the assertion of a discoverable passkey answering
    /// ``passkeySignInOptions()``: a full login, as ``completeLogin(token:password:secondFactor:from:)``
    /// gives (a session, the previous login time).
    ///
    /// Every failure is the same ``MFAError/authenticationFailed``, and none counts against
    /// an account: a signature cannot be guessed, and counting would let anyone who knows a
    /// credential id lock its owner out. A counter that went backwards meanwhile counts, as a
    /// lost race on any factor does. A locked account is refused as everywhere, even with a
    /// valid passkey.
    ///
    /// - Parameter client: the network the request comes from, for the security events.
    /// - Throws: ``MFAError/authenticationFailed``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func signInWithPasskey(_ credential: AuthenticationResponseJSON, from client: ClientNetwork) async throws(MFAError) -> LoginResult {
        _ = try passkeyRelyingParty()
        let audit = audit(.passkeySignIn, from: client)
        return try await perform {
            let now = clock.now()
            var account: AccountRecord?
            do {
                guard let credentialID = MFAWebAuthn.Base64URL.decode(credential.rawId),
                      let owner = try await store.passkey(credentialID: credentialID),
                      let found = try await store.account(id: owner.accountID)
                else { throw RefusedCredential(reason: .wrongPasskey) }
                account = found
                try admitCompletion(for: found, now: now, audit: audit)
                let use = try await verifyPasskeyAssertion(
                    credential, of: found, ceremony: .signIn, binding: PasskeyBinding.none, requireUserVerification: true, now: now
                )
                return try await commitLogin(
                    of: found, consumingLink: nil, burning: AcceptedFactor(passkeyUse: use), newPasswordHash: nil, now: now, audit: audit
                )
            } catch let refused as RefusedCredential {
                observer.record(.loginFailed)
                throw audit.refuse(refused.reason, account: account?.id, with: MFAError.authenticationFailed)
            }
        }
    }
}
