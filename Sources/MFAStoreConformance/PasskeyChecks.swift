import Foundation
import MFACore
import Testing

/// Passkeys and their challenges: a challenge answers once, for its ceremony and
/// binding only; a credential id belongs to one account; a counter never goes backwards.
enum PasskeyChecks {
    /// A registered account with a passkey whose counter is `signCount`.
    static func accountWithPasskey(in store: any MFAStore, signCount: UInt32 = 0) async throws -> (AccountRecord, PasskeyRecord) {
        let account = try await store.register()
        let passkey = Fixture.passkey(accountID: account.id, signCount: signCount)
        try await store.addPasskey(passkey, mail: Fixture.mail())
        return (account, passkey)
    }

    static let all = [
        consumesAChallengeOnce, keepsAChallengeOfAnotherCeremonyOrBinding, expiresAChallengeAtItsExpiry,
        consumesOneChallengeOnceUnderRace, purgesExpiredChallenges,
        addsListsAndFindsPasskeys, refusesATakenCredentialID, refusesAPasskeyOfAnUnknownAccount,
        storesAGrowingCounterAndTheLastUse, refusesACounterThatDoesNotGrow, acceptsCountersThatStayZero,
        refusesAnotherAccountsPasskey, acceptsOneOfConcurrentUsesWithOneCounter,
        removesAPasskeyOfItsAccountOnly, deletingTheAccountDeletesItsPasskeys,
    ]

    static let consumesAChallengeOnce = StoreCheck("consumePasskeyChallenge succeeds once for its ceremony and binding") { store async throws in
        let challenge = Fixture.challenge()
        try await store.savePasskeyChallenge(challenge)
        #expect(try await store.consume(challenge))
        #expect(try await !store.consume(challenge))
        #expect(try await !store.consume(Fixture.challenge()))
    }

    static let keepsAChallengeOfAnotherCeremonyOrBinding = StoreCheck(
        "consumePasskeyChallenge refuses another ceremony or binding, and the challenge stays answerable"
    ) { store async throws in
        let challenge = Fixture.challenge(.registration, binding: "session:ada")
        try await store.savePasskeyChallenge(challenge)
        for ceremony in PasskeyCeremony.allCases where ceremony != .registration {
            #expect(try await !store.consumePasskeyChallenge(hash: challenge.challengeHash, ceremony: ceremony, binding: "session:ada", now: Fixture.start))
        }
        for binding in ["session:bob", "", "session:ADA", "link:ada"] {
            #expect(try await !store.consumePasskeyChallenge(hash: challenge.challengeHash, ceremony: .registration, binding: binding, now: Fixture.start))
        }
        #expect(try await store.consume(challenge))
    }

    static let expiresAChallengeAtItsExpiry = StoreCheck("a passkey challenge is answerable until one instant before its expiresAt") { store async throws in
        let (early, late) = (Fixture.challenge(.signIn, binding: ""), Fixture.challenge(.signIn, binding: ""))
        try await store.savePasskeyChallenge(early)
        try await store.savePasskeyChallenge(late)
        #expect(try await store.consume(early, at: early.expiresAt - 1))
        #expect(try await !store.consume(late, at: late.expiresAt))
    }

    static let consumesOneChallengeOnceUnderRace = StoreCheck("50 concurrent consumePasskeyChallenge of one challenge: exactly one succeeds") { store async throws in
        let challenge = Fixture.challenge(.signIn, binding: "")
        try await store.savePasskeyChallenge(challenge)
        let results = await concurrently(RaceChecks.tasks) { _ in try await store.consume(challenge) }
        #expect(try results.count { try $0.get() } == 1)
    }

    static let purgesExpiredChallenges = StoreCheck("purgeExpired deletes expired passkey challenges and keeps the others") { store async throws in
        let (expired, current) = (Fixture.challenge(expiresAt: Fixture.start + 60), Fixture.challenge(expiresAt: Fixture.start + 600))
        try await store.savePasskeyChallenge(expired)
        try await store.savePasskeyChallenge(current)
        try await store.purgeExpired(now: Fixture.start + 60, finishedMailRetention: 86_400)
        // Consuming at an earlier time shows that the purge removed the row, not that it expired.
        #expect(try await !store.consume(expired, at: Fixture.start))
        #expect(try await store.consume(current, at: Fixture.start))
    }

    static let addsListsAndFindsPasskeys = StoreCheck(
        "addPasskey stores a passkey and queues its mail; passkeys lists an account's oldest first; passkey(credentialID:) finds any"
    ) { store async throws in
        let (ada, bob) = (try await store.register(), try await store.register())
        let newer = Fixture.passkey(accountID: ada.id, createdAt: Fixture.start + 60)
        let older = Fixture.passkey(accountID: ada.id, signCount: 7, createdAt: Fixture.start)
        let bobs = Fixture.passkey(accountID: bob.id)
        let mail = Fixture.mail()
        try await store.addPasskey(newer, mail: mail)
        try await store.addPasskey(older, mail: Fixture.mail())
        try await store.addPasskey(bobs, mail: Fixture.mail())

        #expect(try await store.passkeys(accountID: ada.id) == [older, newer])
        #expect(try await store.passkeys(accountID: bob.id) == [bobs])
        #expect(try await store.passkey(credentialID: older.credentialID) == older)
        #expect(try await store.passkey(credentialID: Fixture.bytes()) == nil)
        #expect(try await store.claimAllMailIDs().contains(mail.id))
    }

    static let refusesATakenCredentialID = StoreCheck(
        "addPasskey refuses a credential id that any account has, adding nothing and queueing nothing"
    ) { store async throws in
        let (ada, bob) = (try await store.register(), try await store.register())
        let first = Fixture.passkey(accountID: ada.id)
        try await store.addPasskey(first, mail: Fixture.mail())
        let mail = Fixture.mail()
        for owner in [bob.id, ada.id] {
            var copy = Fixture.passkey(accountID: owner)
            copy.credentialID = first.credentialID
            let passkey = copy
            await #expect(throws: MFAStoreError.credentialTaken) { try await store.addPasskey(passkey, mail: mail) }
        }
        #expect(try await store.passkeys(accountID: bob.id).isEmpty)
        #expect(try await store.passkeys(accountID: ada.id) == [first])
        #expect(try await !store.claimAllMailIDs().contains(mail.id))
    }

    static let refusesAPasskeyOfAnUnknownAccount = StoreCheck("addPasskey refuses an account that does not exist") { store async throws in
        let passkey = Fixture.passkey(accountID: Fixture.id())
        await #expect(throws: MFAStoreError.accountNotFound) { try await store.addPasskey(passkey, mail: Fixture.mail()) }
        #expect(try await store.passkey(credentialID: passkey.credentialID) == nil)
    }

    static let storesAGrowingCounterAndTheLastUse = StoreCheck(
        "commit with a passkey use stores a growing counter and the time of the use"
    ) { store async throws in
        let (account, passkey) = try await accountWithPasskey(in: store, signCount: 5)
        try await store.commitUse(of: passkey, signCount: 6, at: Fixture.start + 30)
        let stored = try #require(try await store.passkey(credentialID: passkey.credentialID))
        #expect(stored.signCount == 6)
        #expect(stored.lastUsedAt == Fixture.start + 30)
    }

    static let refusesACounterThatDoesNotGrow = StoreCheck(
        "commit with a passkey counter equal to or below the stored one throws signCountNotIncreased and changes nothing"
    ) { store async throws in
        let (account, passkey) = try await accountWithPasskey(in: store, signCount: 9)
        let link = try await store.issue(.login, for: account.id)
        let session = Fixture.session(accountID: account.id)
        for counter: UInt32 in [9, 8, 0] {
            await #expect(throws: MFAStoreError.signCountNotIncreased) {
                try await store.commit(AuthenticatedChange(
                    accountID: account.id, consumingLink: link.use,
                    passkeyUse: PasskeyUse(credentialID: passkey.credentialID, signCount: counter), recordsLogin: true,
                    newSession: session, now: Fixture.start
                ))
            }
        }
        #expect(try await store.passkey(credentialID: passkey.credentialID) == passkey)
        #expect(try await store.isUsable(link))
        #expect(try await !store.isOpen(session))
    }

    static let acceptsCountersThatStayZero = StoreCheck("commit accepts a passkey counter of 0 after 0 (synced passkeys), every time") { store async throws in
        let (account, passkey) = try await accountWithPasskey(in: store)
        try await store.commitUse(of: passkey, signCount: 0)
        try await store.commitUse(of: passkey, signCount: 0, at: Fixture.start + 1)
        #expect(try await store.passkey(credentialID: passkey.credentialID)?.lastUsedAt == Fixture.start + 1)
    }

    static let refusesAnotherAccountsPasskey = StoreCheck(
        "commit with a passkey use of another account's or an unknown credential throws passkeyNotFound"
    ) { store async throws in
        let ada = try await store.register()
        let (bob, bobs) = try await accountWithPasskey(in: store)
        await #expect(throws: MFAStoreError.passkeyNotFound) { try await store.commitUse(of: bobs, signCount: 1, accountID: ada.id) }
        await #expect(throws: MFAStoreError.passkeyNotFound) {
            try await store.commitUse(of: Fixture.passkey(accountID: ada.id), signCount: 1)
        }
        #expect(try await store.passkey(credentialID: bobs.credentialID) == bobs)
    }

    static let acceptsOneOfConcurrentUsesWithOneCounter = StoreCheck(
        "50 concurrent commits of one passkey with the same counter: exactly one succeeds, the others see signCountNotIncreased"
    ) { store async throws in
        let (account, passkey) = try await accountWithPasskey(in: store, signCount: 1)
        let results = await concurrently(RaceChecks.tasks) { _ in try await store.commitUse(of: passkey, signCount: 2) }
        expect(results, winners: 1, losersSee: .signCountNotIncreased)
    }

    static let removesAPasskeyOfItsAccountOnly = StoreCheck(
        "commit removing a passkey deletes it; another account's or an unknown id throws passkeyNotFound, changing nothing"
    ) { store async throws in
        let ((ada, adas), (bob, bobs)) = (try await accountWithPasskey(in: store), try await accountWithPasskey(in: store))
        let mail = Fixture.mail()
        for id in [bobs.id, Fixture.id()] {
            await #expect(throws: MFAStoreError.passkeyNotFound) {
                try await store.commit(AuthenticatedChange(accountID: ada.id, removesPasskey: id, mail: [mail], now: Fixture.start))
            }
        }
        #expect(try await !store.claimAllMailIDs().contains(mail.id))
        _ = try await store.commit(AuthenticatedChange(accountID: ada.id, removesPasskey: adas.id, mail: [mail], now: Fixture.start))
        #expect(try await store.passkeys(accountID: ada.id).isEmpty)
        #expect(try await store.passkey(credentialID: adas.credentialID) == nil)
        #expect(try await store.passkeys(accountID: bob.id) == [bobs])
        #expect(try await store.claimAllMailIDs().contains(mail.id))
    }

    static let deletingTheAccountDeletesItsPasskeys = StoreCheck(
        "deleting an account, by commit or by an operator, deletes its passkeys and frees their credential ids"
    ) { store async throws in
        let ((ada, adas), (bob, bobs)) = (try await accountWithPasskey(in: store), try await accountWithPasskey(in: store))
        let deletion = try await store.issue(.deleteAccount, for: ada.id)
        try await store.commitDeletion(id: ada.id, consumingLink: deletion.use, mail: Fixture.mail(), now: Fixture.start)
        try await store.deleteAccount(id: bob.id, mail: Fixture.mail())

        for passkey in [adas, bobs] { #expect(try await store.passkey(credentialID: passkey.credentialID) == nil) }
        let successor = try await store.register()
        var reused = Fixture.passkey(accountID: successor.id)
        reused.credentialID = adas.credentialID
        try await store.addPasskey(reused, mail: Fixture.mail())
        #expect(try await store.passkeys(accountID: successor.id) == [reused])
    }
}
