import Crypto
import Foundation
import MFAWebAuthn

/// What a passkey challenge is bound to, as ``PasskeyChallenge/binding`` spells it:
/// the session or the link that asked for it (by its token's hash), or nothing.
enum PasskeyBinding {
    static func session(_ session: SessionRecord) -> String { "session:" + session.tokenHash.hexString }
    static func link(_ link: LinkRecord) -> String { "link:" + link.tokenHash.hexString }
    /// A sign-in with a passkey alone: nobody is known yet.
    static let none = ""
}

/// The steps every passkey ceremony shares: the relying party, challenges, and
/// the stored form of a credential.
extension MFAService {
    /// How long a challenge can be answered: the timeout the options give browsers.
    static let passkeyChallengeLifetime = TimeInterval(RelyingParty.defaultTimeout / 1000)

    /// Whether passkeys work with this configuration (see ``MFAConfiguration/relyingParty``).
    public var passkeysAvailable: Bool { relyingParty != nil }

    /// The relying party, or ``MFAError/unavailable`` when passkeys are off.
    func passkeyRelyingParty() throws(MFAError) -> RelyingParty {
        guard let relyingParty else { throw .unavailable }
        return relyingParty
    }

    /// Draws a challenge of 32 random bytes and stores its hash, bound to `ceremony`
    /// and `binding`, for ``passkeyChallengeLifetime``.
    func issuePasskeyChallenge(for ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> [UInt8] {
        let challenge = random.bytes(count: 32)
        try await store.savePasskeyChallenge(PasskeyChallenge(
            challengeHash: Array(SHA256.hash(data: challenge)), ceremony: ceremony, binding: binding,
            expiresAt: now + Self.passkeyChallengeLifetime
        ))
        return challenge
    }

    /// The challenge a response's client data answers, consumed if it was issued for
    /// `ceremony` and `binding` and is unused and unexpired; `nil` otherwise.
    ///
    /// It is consumed before the response is verified, so that a challenge serves one
    /// answer, right or wrong.
    func consumePasskeyChallenge(
        answeredBy clientDataJSON: String, for ceremony: PasskeyCeremony, binding: String, now: Date
    ) async throws -> [UInt8]? {
        guard let json = MFAWebAuthn.Base64URL.decode(clientDataJSON), let clientData = try? CollectedClientData(json: json) else {
            return nil
        }
        let consumed = try await store.consumePasskeyChallenge(
            hash: Array(SHA256.hash(data: clientData.challenge)), ceremony: ceremony, binding: binding, now: now
        )
        return consumed ? clientData.challenge : nil
    }

    /// The user handle of the account's passkeys.
    func passkeyUserHandle(of accountID: String) async throws -> [UInt8] {
        try await hashKey().passkeyUserHandle(accountID: accountID)
    }

    /// Options for an assertion by one of `account`'s passkeys, answerable once with `binding`.
    func passkeyAssertionOptions(for account: AccountRecord, binding: String, now: Date) async throws -> PublicKeyCredentialRequestOptionsJSON {
        let relyingParty = try passkeyRelyingParty()
        let passkeys = try await store.passkeys(accountID: account.id)
        let challenge = try await issuePasskeyChallenge(for: .secondFactor, binding: binding, now: now)
        return relyingParty.requestOptions(challenge: challenge, allowCredentials: passkeys.map(\.descriptor))
    }

    /// What `account`'s passkey that signed `response` proves: the use to record.
    ///
    /// - Throws: ``RefusedCredential`` with ``SecurityEvent/Reason/wrongPasskey`` when the
    ///   response answers no challenge of `ceremony` and `binding`, names no passkey of the
    ///   account, or fails a check of WebAuthn §7.2, and ``SecurityEvent/Reason/passkeyCounter``
    ///   when its counter did not grow.
    func verifyPasskeyAssertion(
        _ response: AuthenticationResponseJSON, of account: AccountRecord, ceremony: PasskeyCeremony, binding: String,
        requireUserVerification: Bool, now: Date
    ) async throws -> PasskeyUse {
        let relyingParty = try passkeyRelyingParty()
        guard let challenge = try await consumePasskeyChallenge(
                  answeredBy: response.response.clientDataJSON, for: ceremony, binding: binding, now: now),
              let credentialID = MFAWebAuthn.Base64URL.decode(response.rawId),
              let passkey = try await store.passkey(credentialID: credentialID), passkey.accountID == account.id
        else { throw RefusedCredential(reason: .wrongPasskey) }
        let credential = StoredCredential(
            id: passkey.credentialID, publicKey: passkey.publicKey, signCount: passkey.signCount,
            backupEligible: passkey.backupEligible, userHandle: try await passkeyUserHandle(of: account.id)
        )
        do throws(WebAuthnError) {
            let result = try relyingParty.verifyAuthentication(
                response, expectedChallenge: challenge, credential: credential, requireUserVerification: requireUserVerification
            )
            return PasskeyUse(credentialID: passkey.credentialID, signCount: result.newSignCount)
        } catch {
            throw RefusedCredential(reason: error == .signCountNotIncreased ? .passkeyCounter : .wrongPasskey)
        }
    }
}

extension PasskeyRecord {
    /// The passkey as `excludeCredentials` and `allowCredentials` name it.
    var descriptor: PublicKeyCredentialDescriptorJSON {
        PublicKeyCredentialDescriptorJSON(id: credentialID, transports: transports.isEmpty ? nil : transports)
    }

    /// The passkey as its owner sees it.
    var summary: PasskeySummary {
        PasskeySummary(id: id, name: name, createdAt: createdAt, lastUsedAt: lastUsedAt)
    }
}
