import Foundation
import MFACore
import Testing

/// Accounts imported by an operator, and recovery codes created afresh.
enum ImportChecks {
    static let all = [importsAnAccountWithoutRecoveryCodes, refusesToImportATakenAddress, replacesRecoveryCodesOncePerStep, importsOnceUnderRace]

    static let importsAnAccountWithoutRecoveryCodes = StoreCheck("importAccount stores the account as given, with no recovery codes") { store in
        var account = Fixture.account()
        account.passwordHash = "$2b$12$" + String(repeating: "a", count: 53)
        account.authenticator.period = 120
        try await store.importAccount(account)
        #expect(try await store.account(id: account.id) == account)
        #expect(try await store.account(emailKey: account.emailKey) == account)
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 0)
    }

    static let refusesToImportATakenAddress = StoreCheck("importAccount refuses an address that has an account and changes nothing") { store in
        let existing = try await store.register()
        let again = Fixture.account(email: existing.email.uppercased())
        await #expect(throws: MFAStoreError.emailTaken) { try await store.importAccount(again) }
        #expect(try await store.account(id: again.id) == nil)
        #expect(try await store.account(emailKey: existing.emailKey) == existing)
    }

    static let replacesRecoveryCodesOncePerStep = StoreCheck(
        "commit with replacesRecoveryCodes accepts the step, swaps every code and queues the mail; a used step changes nothing"
    ) { store in
        let old = Fixture.recoveryCodes()
        let account = try await store.register(recoveryCodes: old)
        let new = Fixture.recoveryCodes()
        let mail = Fixture.mail()
        let replace = { (codes: [[UInt8]], mail: QueuedMail) in
            AuthenticatedChange(accountID: account.id, acceptedTimeStep: 100, replacesRecoveryCodes: codes, mail: [mail], now: Fixture.start)
        }
        let outcome = try await store.commit(replace(new, mail))
        #expect(outcome.recoveryCodesRemaining == 10)
        #expect(try await store.account(id: account.id)?.lastAcceptedTimeStep == 100)
        await #expect(throws: MFAStoreError.recoveryCodeNotFound) {
            _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: old[0], now: Fixture.start))
        }
        _ = try await store.commit(AuthenticatedChange(accountID: account.id, recoveryCodeHash: new[0], now: Fixture.start))

        let unused = Fixture.mail()
        await #expect(throws: MFAStoreError.timeStepAlreadyUsed) { _ = try await store.commit(replace(Fixture.recoveryCodes(), unused)) }
        #expect(try await store.recoveryCodeCount(accountID: account.id) == 9)
        let queued = try await store.claimAllMailIDs()
        #expect(queued.contains(mail.id) && !queued.contains(unused.id))
    }

    static let importsOnceUnderRace = StoreCheck("20 concurrent importAccount of one address: exactly one succeeds") { store in
        let email = Fixture.email()
        let results = await concurrently(20) { _ in try await store.importAccount(Fixture.account(email: email)) }
        expect(results, winners: 1, losersSee: .emailTaken)
    }
}
