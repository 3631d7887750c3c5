import Foundation
import MFACore
import Testing

/// The hash key and the sealed values a key rotation re-seals.
enum KeyChecks {
    static let all = [
        keepsTheFirstHashKey, storesOneHashKeyUnderRace, listsValuesNotSealedUnderAKey, resealsAnUnchangedValue,
        refusesToResealAChangedValue, upgradingWithoutLegacyRowsChangesNothing,
    ]

    static let keepsTheFirstHashKey = StoreCheck("hashKey stores the first candidate and returns it to every later caller") { store async throws in
        let first = Fixture.bytes(60)
        #expect(try await store.hashKey(storingIfAbsent: first) == first)
        #expect(try await store.hashKey(storingIfAbsent: Fixture.bytes(60)) == first)
    }

    static let storesOneHashKeyUnderRace = StoreCheck("20 concurrent hashKey calls with different candidates all get the same key") { store async throws in
        let results = await concurrently(20) { _ in try await store.hashKey(storingIfAbsent: Fixture.bytes(60)) }
        let keys = Set(try results.map { try $0.get() })
        #expect(keys.count == 1)
        #expect(try await store.hashKey(storingIfAbsent: Fixture.bytes(60)) == keys.first)
    }

    static let listsValuesNotSealedUnderAKey = StoreCheck(
        "sealedValues lists the TOTP secrets, queued mail (finished too) and hash key that do not start with the key id"
    ) { store async throws in
        let (oldID, newID) = (Fixture.bytes(8), Fixture.bytes(8))
        let old = try await store.register(account(sealedBy: oldID))
        _ = try await store.register(account(sealedBy: newID))
        let (oldMail, sentMail) = (mail(sealedBy: oldID), mail(sealedBy: oldID))
        try await store.enqueue(oldMail)
        try await store.enqueue(mail(sealedBy: newID))
        try await store.enqueue(sentMail)
        try await store.finishMail(id: sentMail.id, as: .sent, now: Fixture.start)
        let hashKey = oldID + Fixture.bytes(60)
        _ = try await store.hashKey(storingIfAbsent: hashKey)

        let found = try await store.sealedValues(notStartingWith: newID)
        let expected: Set = [
            SealedValue(location: .totpSecret(accountID: old.id), sealed: old.authenticator.sealedSecret),
            SealedValue(location: .mail(id: oldMail.id), sealed: oldMail.sealedMessage),
            SealedValue(location: .mail(id: sentMail.id), sealed: sentMail.sealedMessage),
            SealedValue(location: .hashKey, sealed: hashKey),
        ]
        // register() queued mail of its own, sealed by no key of this check.
        #expect(expected.isSubset(of: found))
        #expect(!found.contains { $0.sealed.starts(with: newID) })
    }

    static let resealsAnUnchangedValue = StoreCheck("reseal replaces each kind of sealed value that is still as read") { store async throws in
        let (oldID, newID) = (Fixture.bytes(8), Fixture.bytes(8))
        let ada = try await store.register(account(sealedBy: oldID))
        try await store.enqueue(mail(sealedBy: oldID))
        _ = try await store.hashKey(storingIfAbsent: oldID + Fixture.bytes(60))

        for value in try await store.sealedValues(notStartingWith: newID) {
            #expect(try await store.reseal(value, as: newID + Fixture.bytes(48)))
        }
        #expect(try await store.sealedValues(notStartingWith: newID).isEmpty)
        let resealed = try #require(try await store.account(id: ada.id))
        #expect(resealed.authenticator.sealedSecret.starts(with: newID))
        #expect(resealed.passwordHash == ada.passwordHash)
        #expect(try await store.hashKey(storingIfAbsent: Fixture.bytes(60)).starts(with: newID))
    }

    static let refusesToResealAChangedValue = StoreCheck("reseal returns false and changes nothing when the value changed or went meanwhile") { store async throws in
        let (oldID, newID) = (Fixture.bytes(8), Fixture.bytes(8))
        let ada = try await store.register(account(sealedBy: oldID))
        let value = SealedValue(location: .totpSecret(accountID: ada.id), sealed: ada.authenticator.sealedSecret)
        let stale = SealedValue(location: .totpSecret(accountID: ada.id), sealed: oldID + Fixture.bytes(40))
        #expect(try await !store.reseal(stale, as: newID + Fixture.bytes(40)))
        #expect(try await store.account(id: ada.id) == ada)
        #expect(try await !store.reseal(SealedValue(location: .totpSecret(accountID: Fixture.id()), sealed: value.sealed), as: newID))
        #expect(try await !store.reseal(SealedValue(location: .mail(id: Fixture.id()), sealed: value.sealed), as: newID))
        #expect(try await !store.reseal(SealedValue(location: .hashKey, sealed: value.sealed), as: newID))
        #expect(try await store.account(id: ada.id) == ada)
    }

    static let upgradingWithoutLegacyRowsChangesNothing = StoreCheck(
        "upgradeLegacyRows on rows written by this protocol changes no recovery code, registration or link"
    ) { store async throws in
        let codes = Fixture.recoveryCodes(2)
        let ada = try await store.register(recoveryCodes: codes)
        let registration = Fixture.pendingRegistration(emailKey: Fixture.email().lowercased())
        let link = Fixture.link(.createAccount, subject: registration.subject)
        try await store.savePendingRegistration(registration, link: link, mail: Fixture.mail())

        try await store.upgradeLegacyRows(LegacyRowUpgrade(recoveryCodeHash: { _, _ in Fixture.bytes() }, registrationSubject: { _ in "changed" }))

        #expect(try await store.pendingRegistration(subject: registration.subject, now: Fixture.start) == registration)
        #expect(try await store.link(tokenHash: link.tokenHash, now: Fixture.start)?.subject == registration.subject)
        let change = AuthenticatedChange(accountID: ada.id, recoveryCodeHash: codes[0], now: Fixture.start)
        #expect(try await store.commit(change).recoveryCodesRemaining == 1)
    }

    static func account(sealedBy keyID: [UInt8]) -> AccountRecord {
        var account = Fixture.account()
        account.authenticator.sealedSecret = keyID + Fixture.bytes(40)
        return account
    }

    static func mail(sealedBy keyID: [UInt8]) -> QueuedMail {
        var mail = Fixture.mail()
        mail.sealedMessage = keyID + Fixture.bytes(64)
        return mail
    }
}
