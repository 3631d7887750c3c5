import Foundation
import MFACore
import Testing

/// Address keys: one address spelled in NFC or NFD finds one account and one
/// registration, because ``MFACore/EmailAddress/key(of:)`` makes one key of
/// both and every store compares keys exactly, as SQL compares text.
enum AddressKeyChecks {
    static let all = [findsAnAccountUnderEitherSpelling, findsARegistrationUnderEitherSpelling]

    /// "Zoë.Ünal@Example.com" with precomposed letters (NFC) and with combining diaereses (NFD).
    static let composed = "Zo\u{00EB}.\u{00DC}nal@Example.com"
    static let decomposed = "Zoe\u{0308}.U\u{0308}nal@Example.com"

    static let findsAnAccountUnderEitherSpelling = StoreCheck(
        "an account whose key was made from the NFD spelling of an address is found by the key of the NFC spelling, and by no unnormalised spelling"
    ) { store async throws in
        let key = EmailAddress.key(of: decomposed)
        #expect(Array(key.utf8) == Array(EmailAddress.key(of: composed).utf8))
        let account = try await store.register(
            AccountRecord(
                id: Fixture.id(), email: decomposed, emailKey: key, fullName: nil, passwordHash: Fixture.passwordHash(),
                authenticator: Fixture.authenticator(), createdAt: Fixture.start
            )
        )
        #expect(try await store.account(emailKey: EmailAddress.key(of: composed))?.id == account.id)
        // Stores compare exactly: a key that skipped normalisation finds nothing in any store.
        #expect(try await store.account(emailKey: decomposed.lowercased()) == nil)
    }

    static let findsARegistrationUnderEitherSpelling = StoreCheck(
        "a pending registration saved under the key of the NFD spelling of an address replaces the one saved under the key of the NFC spelling"
    ) { store async throws in
        let first = Fixture.pendingRegistration(emailKey: EmailAddress.key(of: composed))
        try await store.savePendingRegistration(first, link: Fixture.link(.createAccount, subject: first.subject), mail: Fixture.mail())
        var second = Fixture.pendingRegistration(emailKey: EmailAddress.key(of: decomposed))
        second.subject = first.subject + "-again"
        try await store.savePendingRegistration(second, link: Fixture.link(.createAccount, subject: second.subject), mail: Fixture.mail())
        #expect(try await store.pendingRegistration(subject: first.subject, now: Fixture.start) == nil)
        #expect(try await store.pendingRegistration(subject: second.subject, now: Fixture.start) == second)
    }
}
