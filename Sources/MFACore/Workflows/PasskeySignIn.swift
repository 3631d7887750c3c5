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
    /// ``passkeySignInOptions()``: a full login, as ``completeLogin(token:password:secondFactor:)``
    /// gives (a session, the previous login time).
    ///
    /// Every failure is the same ``MFAError/authenticationFailed``, and none counts against
    /// an account: a signature cannot be guessed, and counting would let anyone who knows a
    /// credential id lock its owner out. A counter that went backwards meanwhile counts, as a
    /// lost race on any factor does. A locked account is refused as everywhere, even with a
    /// valid passkey.
    ///
    /// - Throws: ``MFAError/authenticationFailed``, ``MFAError/rateLimited(retryAfterSeconds:)``, ``MFAError/unavailable``.
    public func signInWithPasskey(_ credential: AuthenticationResponseJSON) async throws(MFAError) -> LoginResult {
        _ = try passkeyRelyingParty()
        return try await perform {
            let now = clock.now()
            guard let credentialID = MFAWebAuthn.Base64URL.decode(credential.rawId),
                  let owner = try await store.passkey(credentialID: credentialID),
                  let account = try await store.account(id: owner.accountID)
            else {
                observer.record(.loginFailed)
                throw MFAError.authenticationFailed
            }
            try admitCompletion(for: account, now: now)
            guard let (passkey, result) = try await verifyPasskeyAssertion(
                credential, of: account, ceremony: .signIn, binding: PasskeyBinding.none, requireUserVerification: true, now: now
            ) else {
                observer.record(.loginFailed)
                throw MFAError.authenticationFailed
            }
            let accepted = AcceptedFactor(passkeyUse: PasskeyUse(credentialID: passkey.credentialID, signCount: result.newSignCount))
            return try await commitLogin(of: account, consumingLink: nil, burning: accepted, newPasswordHash: nil, now: now)
        }
    }
}
