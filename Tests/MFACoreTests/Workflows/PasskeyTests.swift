import Foundation
import MFACore
import MFACoreTesting
import MFATestSupport
import MFAWebAuthn
import Testing

/// Passkeys through MFACore alone: registration from a session, the second factor
/// through links and sessions, sign-in with a passkey alone, removal; with a software
/// passkey (`SoftPasskey`) as the authenticator.
@Suite struct PasskeyTests {
    static let email = "ada@example.com"

    /// An account signed in once, with its enrolment and session.
    struct SignedIn {
        let mfa: Harness
        let enrollment: Enrollment
        let session: String
    }

    func signedIn(_ configure: (inout MFAConfiguration) -> Void = { _ in }) async throws -> SignedIn {
        let mfa = try Harness(configure)
        let enrollment = try await mfa.createAccount()
        let login = try await mfa.login(enrollment: enrollment)
        return SignedIn(mfa: mfa, enrollment: enrollment, session: login.sessionToken)
    }

    @discardableResult
    func register(_ passkey: inout SoftPasskey, in account: SignedIn, name: String? = nil) async throws -> PasskeySummary {
        let options = try await account.mfa.service.passkeyRegistrationOptions(sessionToken: account.session)
        return try await account.mfa.service.registerPasskey(sessionToken: account.session, credential: passkey.register(options), name: name, from: .testClient)
    }

    /// A fresh login link's token.
    func loginLink(_ mfa: Harness) async throws -> String {
        try await mfa.service.requestLogin(email: Self.email, from: .testClient)
        return try await mfa.lastToken(to: Self.email)
    }

    // MARK: Registration

    @Test func registrationOptionsAskForAPasskeyOfThisSiteAndExcludeTheAccountsPasskeys() async throws {
        let ada = try await signedIn()
        let first = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
        #expect(first.rp.id == "auth.example.com")
        #expect(first.rp.name == "MFAServer")
        #expect(first.user.name == Self.email)
        #expect(first.attestation == "none")
        #expect(first.authenticatorSelection?.userVerification == .preferred)
        #expect(first.authenticatorSelection?.residentKey == .preferred)
        #expect(first.excludeCredentials == [])
        #expect(MFAWebAuthn.Base64URL.decode(first.challenge)?.count == 32)

        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        let second = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
        #expect(second.excludeCredentials?.map(\.id) == [passkey.id])
        // The user handle is the same for every registration, and is not the address or the account id.
        #expect(second.user.id == first.user.id)
        #expect(MFAWebAuthn.Base64URL.decode(first.user.id)?.count == 32)
    }

    @Test func registeredPasskeysAreNamedListedAndAnnounced() async throws {
        let ada = try await signedIn()
        var (one, two, three) = (SoftPasskey(), SoftPasskey(), SoftPasskey())
        let first = try await register(&one, in: ada)
        ada.mfa.clock.advance(by: 1)
        let second = try await register(&two, in: ada, name: "  Laptop  ")
        ada.mfa.clock.advance(by: 1)
        let third = try await register(&three, in: ada, name: " ")
        #expect([first.name, second.name, third.name] == ["Passkey 1", "Laptop", "Passkey 2"])
        #expect(try await ada.mfa.service.passkeys(sessionToken: ada.session) == [first, second, third])
        #expect(first.lastUsedAt == nil)
        #expect(try await ada.mfa.lastMail(to: Self.email).textBody.contains("Passkey 2"))
        #expect(ada.mfa.mailer.messages(to: Self.email).map(\.subject).suffix(3) == Array(repeating: "A passkey was added", count: 3))
    }

    @Test func aRegistrationMustAnswerAChallengeOfItsOwnSessionOnce() async throws {
        let ada = try await signedIn()
        ada.mfa.nextStep()
        let otherSession = try await ada.mfa.login(enrollment: ada.enrollment).sessionToken
        var passkey = SoftPasskey()
        let options = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: otherSession)
        let response = passkey.register(options)
        await expect(.invalid(.credential)) {
            try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: response, name: nil, from: .testClient)
        }
        // Tried from the wrong session, the challenge stays for its own; then it is used up.
        _ = try await ada.mfa.service.registerPasskey(sessionToken: otherSession, credential: response, name: nil, from: .testClient)
        await expect(.invalid(.credential)) {
            try await ada.mfa.service.registerPasskey(sessionToken: otherSession, credential: response, name: nil, from: .testClient)
        }
    }

    @Test func aRegistrationFailingACheckIsRefusedNamingTheCheckAndUsesUpItsChallenge() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey(origin: "https://evil.example.net")
        let options = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
        do {
            _ = try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: passkey.register(options), name: nil, from: .testClient)
            Issue.record("a registration from another origin was accepted")
        } catch {
            #expect(error == .invalidFields([.init(field: .credential, message: WebAuthnError.originNotAllowed.description)]))
        }
        passkey.origin = "https://auth.example.com"
        await expect(.invalid(.credential)) {
            try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: passkey.register(options), name: nil, from: .testClient)
        }
        #expect(try await ada.mfa.service.passkeys(sessionToken: ada.session).isEmpty)
    }

    @Test func aChallengeExpiresAfterFiveMinutes() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        let options = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
        ada.mfa.clock.advance(by: 300)
        await expect(.invalid(.credential)) {
            try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: passkey.register(options), name: nil, from: .testClient)
        }
        let fresh = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
        ada.mfa.clock.advance(by: 299)
        _ = try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: passkey.register(fresh), name: nil, from: .testClient)
    }

    @Test func aPasskeyNameIsAtMost64CharactersWithoutControlCharacters() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        for name in [String(repeating: "n", count: 65), "Lap\ntop"] {
            let options = try await ada.mfa.service.passkeyRegistrationOptions(sessionToken: ada.session)
            await expect(.invalid(.name)) {
                try await ada.mfa.service.registerPasskey(sessionToken: ada.session, credential: passkey.register(options), name: name, from: .testClient)
            }
        }
        try await register(&passkey, in: ada, name: String(repeating: "n", count: 64))
    }

    // MARK: The second factor

    @Test func aPasskeySignsInThroughALinkWithThePasswordAndItsCounterIsKept() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        let token = try await loginLink(ada.mfa)
        let options = try await ada.mfa.service.passkeyAssertionOptions(linkToken: token, purpose: .login, from: .testClient)
        #expect(options.allowCredentials?.map(\.id) == [passkey.id])
        ada.mfa.clock.advance(by: 5)
        let login = try await ada.mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .passkey(passkey.assert(options)), from: .testClient)
        #expect(try await ada.mfa.service.authenticate(sessionToken: login.sessionToken).email == Self.email)
        let listed = try await ada.mfa.service.passkeys(sessionToken: ada.session)
        #expect(listed.first?.lastUsedAt == ada.mfa.clock.now())
    }

    @Test func aWrongAssertionIsCountedLikeAWrongCode() async throws {
        let ada = try await signedIn { $0.attemptsPerLink = 2 }
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        var impostor = SoftPasskey()
        let token = try await loginLink(ada.mfa)
        // Signed by another key under the registered credential id: a forged signature.
        let options = try await ada.mfa.service.passkeyAssertionOptions(linkToken: token, purpose: .login, from: .testClient)
        var forged = impostor.assert(options)
        forged.id = passkey.id
        forged.rawId = passkey.id
        let forgery = forged
        await expect(.authenticationFailed) {
            try await ada.mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .passkey(forgery), from: .testClient)
        }
        #expect(try await ada.mfa.store.account(emailKey: Self.email)?.consecutiveFailures == 1)
        // A right assertion answering the used challenge is wrong too, and burns the link at its second attempt.
        let replayed = passkey.assert(options)
        await expect(.authenticationFailed) {
            try await ada.mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .passkey(replayed), from: .testClient)
        }
        await expect(.linkInvalid) { try await ada.mfa.service.passkeyAssertionOptions(linkToken: token, purpose: .login, from: .testClient) }
    }

    @Test func aChallengeServesOnlyTheLinkOrSessionThatAskedForIt() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        try await ada.mfa.service.requestPasswordReset(email: Self.email, from: .testClient)
        let reset = try await ada.mfa.lastToken(to: Self.email)
        let login = try await loginLink(ada.mfa)
        let resetOptions = try await ada.mfa.service.passkeyAssertionOptions(linkToken: reset, purpose: .passwordReset, from: .testClient)
        let sessionOptions = try await ada.mfa.service.passkeyAssertionOptions(sessionToken: ada.session)
        for options in [resetOptions, sessionOptions] {
            let assertion = passkey.assert(options)
            await expect(.authenticationFailed) {
                try await ada.mfa.service.completeLogin(token: login, password: Harness.password, secondFactor: .passkey(assertion), from: .testClient)
            }
        }
        // A link of another purpose gives no options.
        await expect(.linkInvalid) { try await ada.mfa.service.passkeyAssertionOptions(linkToken: reset, purpose: .deleteAccount, from: .testClient) }
    }

    @Test func aCounterThatGoesBackwardsIsRefused() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey(signCount: 10)
        try await register(&passkey, in: ada)
        let options = try await ada.mfa.service.passkeyAssertionOptions(sessionToken: ada.session)
        _ = try await ada.mfa.service.createRecoveryCodes(sessionToken: ada.session, secondFactor: .passkey(passkey.assert(options)), from: .testClient)
        passkey.signCount = 4
        let again = try await ada.mfa.service.passkeyAssertionOptions(sessionToken: ada.session)
        let cloned = passkey.assert(again)
        await expect(.authenticationFailed) {
            try await ada.mfa.service.createRecoveryCodes(sessionToken: ada.session, secondFactor: .passkey(cloned), from: .testClient)
        }
    }

    @Test func aPasskeyIsTheSecondFactorOfEveryLinkAndSessionWorkflow() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        let service = ada.mfa.service
        let options = { try await service.passkeyAssertionOptions(sessionToken: ada.session) }

        _ = try await service.createRecoveryCodes(sessionToken: ada.session, secondFactor: .passkey(passkey.assert(try await options())), from: .testClient)
        try await service.changePassword(
            sessionToken: ada.session, currentPassword: Harness.password, newPassword: "a brand new passphrase",
            secondFactor: .passkey(passkey.assert(try await options())), from: .testClient
        )
        try await service.requestPasswordReset(email: Self.email, from: .testClient)
        let reset = try await ada.mfa.lastToken(to: Self.email)
        try await service.confirmPasswordReset(
            token: reset, newPassword: Harness.password,
            secondFactor: .passkey(passkey.assert(try await service.passkeyAssertionOptions(linkToken: reset, purpose: .passwordReset, from: .testClient))), from: .testClient
        )
        try await service.requestNewAuthenticator(email: Self.email, password: Harness.password, from: .testClient)
        let replace = try await ada.mfa.lastToken(to: Self.email)
        _ = try await service.confirmNewAuthenticator(
            token: replace,
            secondFactor: .passkey(passkey.assert(try await service.passkeyAssertionOptions(linkToken: replace, purpose: .newAuthenticator, from: .testClient))), from: .testClient
        )
        try await service.requestDeletion(email: Self.email, password: Harness.password, from: .testClient)
        let delete = try await ada.mfa.lastToken(to: Self.email)
        try await service.confirmDeletion(
            token: delete,
            secondFactor: .passkey(passkey.assert(try await service.passkeyAssertionOptions(linkToken: delete, purpose: .deleteAccount, from: .testClient))), from: .testClient
        )
        #expect(try await ada.mfa.store.passkey(credentialID: passkey.credentialID) == nil)
    }

    // MARK: Signing in with a passkey alone

    @Test func aDiscoverablePasskeyWithUserVerificationSignsInAlone() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        let previous = try await ada.mfa.store.account(emailKey: Self.email)?.lastLoginAt
        ada.mfa.clock.advance(by: 60)
        let options = try await ada.mfa.service.passkeySignInOptions()
        #expect(options.allowCredentials == [])
        #expect(options.userVerification == .required)
        #expect(options.rpId == "auth.example.com")
        let login = try await ada.mfa.service.signInWithPasskey(passkey.assert(options), from: .testClient)
        #expect(login.email == Self.email)
        #expect(login.lastLogin == previous)
        #expect(login.recoveryCodesRemaining == nil)
        #expect(try await ada.mfa.service.authenticate(sessionToken: login.sessionToken).lastLogin == ada.mfa.clock.now())
    }

    @Test func signingInAloneNeedsUserVerificationAKnownPasskeyAndAFreshChallengeAndCountsNothing() async throws {
        let ada = try await signedIn()
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        passkey.verifiesUser = false
        let unverified = passkey.assert(try await ada.mfa.service.passkeySignInOptions())
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(unverified, from: .testClient) }
        passkey.verifiesUser = true
        var stranger = SoftPasskey()
        let unknown = stranger.assert(try await ada.mfa.service.passkeySignInOptions())
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(unknown, from: .testClient) }
        // Options of a second factor are not sign-in options.
        let secondFactor = passkey.assert(try await ada.mfa.service.passkeyAssertionOptions(sessionToken: ada.session))
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(secondFactor, from: .testClient) }
        let options = try await ada.mfa.service.passkeySignInOptions()
        let assertion = passkey.assert(options)
        _ = try await ada.mfa.service.signInWithPasskey(assertion, from: .testClient)
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(assertion, from: .testClient) }
        #expect(try await ada.mfa.store.account(emailKey: Self.email)?.consecutiveFailures == 0)
    }

    @Test func aLockedAccountIsRefusedEvenWithItsPasskey() async throws {
        let ada = try await signedIn { $0.lockPolicy.failuresPerLock = 1 }
        var passkey = SoftPasskey()
        try await register(&passkey, in: ada)
        let token = try await loginLink(ada.mfa)
        await expect(.authenticationFailed) {
            try await ada.mfa.service.completeLogin(token: token, password: "a wrong password", secondFactor: .totpCode("000000"), from: .testClient)
        }
        let assertion = passkey.assert(try await ada.mfa.service.passkeySignInOptions())
        await expect(.rateLimited(retryAfterSeconds: 900)) { try await ada.mfa.service.signInWithPasskey(assertion, from: .testClient) }
    }

    @Test func passkeyCeremoniesRecordTheirSecurityEvents() async throws {
        let ada = try await signedIn()
        let id = try #require(try await ada.mfa.service.accountReport(email: Self.email)).id
        var passkey = SoftPasskey()
        let added = try await register(&passkey, in: ada)
        var stranger = SoftPasskey()
        let unknown = stranger.assert(try await ada.mfa.service.passkeySignInOptions())
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(unknown, from: .testClient) }
        passkey.signCount = 0
        let cloned = passkey.assert(try await ada.mfa.service.passkeySignInOptions())
        passkey.signCount = 10
        await expect(.authenticationFailed) { try await ada.mfa.service.signInWithPasskey(cloned, from: .testClient) }
        _ = try await ada.mfa.service.signInWithPasskey(passkey.assert(try await ada.mfa.service.passkeySignInOptions()), from: .testClient)
        let own = passkey.assert(try await ada.mfa.service.passkeyAssertionOptions(sessionToken: ada.session))
        try await ada.mfa.service.removePasskey(sessionToken: ada.session, id: added.id, secondFactor: .passkey(own), from: .testClient)

        let client = ClientNetwork.testClient
        #expect(ada.mfa.events.securityEvents.suffix(5) == [
            SecurityEvent(.passkeyAdded, accountID: id, client: client, purpose: .passkeys),
            SecurityEvent(.completionFailed, client: client, purpose: .passkeySignIn, reason: .wrongPasskey),
            SecurityEvent(.completionFailed, accountID: id, client: client, purpose: .passkeySignIn, reason: .passkeyCounter),
            SecurityEvent(.loginSucceeded, accountID: id, client: client, purpose: .passkeySignIn, reason: .passkey),
            SecurityEvent(.passkeyRemoved, accountID: id, client: client, purpose: .passkeys, reason: .passkey),
        ])
    }

    // MARK: Removal

    @Test func aPasskeyIsRemovedWithACurrentSecondFactorAndAnnounced() async throws {
        let ada = try await signedIn()
        var (one, two) = (SoftPasskey(), SoftPasskey())
        let first = try await register(&one, in: ada)
        let second = try await register(&two, in: ada)
        let service = ada.mfa.service

        await expect(.authenticationFailed) {
            try await service.removePasskey(sessionToken: ada.session, id: first.id, secondFactor: .totpCode("000000"), from: .testClient)
        }
        await expect(.notFound) {
            try await service.removePasskey(sessionToken: ada.session, id: "no-such-passkey", secondFactor: .totpCode("000000"), from: .testClient)
        }
        ada.mfa.nextStep()
        try await service.removePasskey(sessionToken: ada.session, id: first.id, secondFactor: .totpCode(ada.mfa.code(for: ada.enrollment)), from: .testClient)
        // A passkey may vouch for its own removal.
        let own = two.assert(try await service.passkeyAssertionOptions(sessionToken: ada.session))
        try await service.removePasskey(sessionToken: ada.session, id: second.id, secondFactor: .passkey(own), from: .testClient)
        #expect(try await service.passkeys(sessionToken: ada.session).isEmpty)
        _ = try await ada.mfa.lastMail(to: Self.email)
        let subjects = ada.mfa.mailer.messages(to: Self.email).map(\.subject)
        #expect(subjects.suffix(2) == ["A passkey was removed", "A passkey was removed"])
        // Gone, it no longer signs in.
        let assertion = two.assert(try await service.passkeySignInOptions())
        await expect(.authenticationFailed) { try await service.signInWithPasskey(assertion, from: .testClient) }
    }

    // MARK: Configuration

    @Test func passkeysAreOffForAnIPAddressPublicURLWithoutARelyingPartyID() async throws {
        let mfa = try Harness { $0.publicURL = "http://127.0.0.1:8000" }
        #expect(!mfa.service.passkeysAvailable)
        await expect(.unavailable) { try await mfa.service.passkeySignInOptions() }
        let named = try Harness {
            $0.publicURL = "http://127.0.0.1:8000"
            $0.passkeyRelyingPartyID = "localhost"
            $0.passkeyOrigins = ["http://localhost:8000"]
        }
        #expect(named.service.passkeysAvailable)
        #expect(MFAConfiguration(publicURL: "http://localhost:8000").relyingParty?.origins == ["http://localhost:8000"])
        #expect(MFAConfiguration(publicURL: "https://Auth.Example.com:443/").relyingParty?.id == "auth.example.com")
    }

    @Test func passkeySettingsThatCannotWorkAreRefused() {
        let cases: [(String?, [String], String)] = [
            ("127.0.0.1", [], "passkeyRelyingPartyID"),
            ("https://example.com", [], "passkeyRelyingPartyID"),
            ("Example.com", [], "passkeyRelyingPartyID"),
            ("example.org", [], "passkeyRelyingPartyID"),  // the public URL's origin is not on it
            (nil, ["https://auth.example.com/"], "passkeyOrigins"),
            (nil, ["https://evil.example.net"], "passkeyOrigins"),
            ("localhost", ["http://127.0.0.1:8000"], "passkeyOrigins"),
        ]
        for (id, origins, setting) in cases {
            var configuration = MFAConfiguration(publicURL: "https://auth.example.com")
            configuration.passkeyRelyingPartyID = id
            configuration.passkeyOrigins = origins
            do {
                try configuration.validate()
                Issue.record("accepted \(id ?? "nil") \(origins)")
            } catch {
                #expect(error.setting == setting, "\(id ?? "nil") \(origins)")
            }
        }
        var parent = MFAConfiguration(publicURL: "https://auth.example.com")
        parent.passkeyRelyingPartyID = "example.com"
        parent.passkeyOrigins = ["https://auth.example.com", "https://example.com"]
        #expect(throws: Never.self) { try parent.validate() }
    }
}

/// A validation failure naming one field, whatever its message.
struct FieldProblem {
    let field: Field

    static func invalid(_ field: Field) -> FieldProblem { FieldProblem(field: field) }
}

/// Expects `body` to throw ``MFAError/invalidFields(_:)`` naming exactly `match.field`.
func expect<T>(_ match: FieldProblem, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async {
    do {
        _ = try await body()
        Issue.record("expected a problem with \(match.field), got success", sourceLocation: sourceLocation)
    } catch let MFAError.invalidFields(errors) {
        #expect(errors.map(\.field) == [match.field], sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a problem with \(match.field), got \(error)", sourceLocation: sourceLocation)
    }
}
