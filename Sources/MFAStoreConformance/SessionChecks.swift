import Foundation
import MFACore
import Testing

/// Looking sessions up and ending them.
enum SessionChecks {
    static let all = [findsASessionUntilItExpires, findsTheSignedInAccountWithItsSession, revokesOnlyThatSession, ignoresRevokingAnUnknownSession]

    static let findsASessionUntilItExpires = StoreCheck("session(tokenHash:) finds a session until it expires") { store in
        let account = try await store.register()
        let session = try await store.openSession(for: account.id, expiresAt: Fixture.start + 1_800)

        #expect(try await store.session(tokenHash: session.tokenHash, now: Fixture.start + 1_799) == session)
        #expect(try await store.session(tokenHash: session.tokenHash, now: Fixture.start + 1_800) == nil)
        #expect(try await store.session(tokenHash: Fixture.tokenHash(), now: Fixture.start) == nil)
    }

    static let findsTheSignedInAccountWithItsSession = StoreCheck(
        "signedIn(tokenHash:) answers the session and its account until the session expires or ends"
    ) { store in
        let account = try await store.register()
        let other = try await store.register()
        let session = try await store.openSession(for: account.id, expiresAt: Fixture.start + 1_800)
        _ = try await store.openSession(for: other.id, expiresAt: Fixture.start + 1_800)

        let found = try await store.signedIn(tokenHash: session.tokenHash, now: Fixture.start + 1_799)
        #expect(found?.0 == session)
        #expect(found?.1 == account)
        #expect(try await store.signedIn(tokenHash: session.tokenHash, now: Fixture.start + 1_800) == nil)
        #expect(try await store.signedIn(tokenHash: Fixture.tokenHash(), now: Fixture.start) == nil)
        try await store.revokeSession(tokenHash: session.tokenHash)
        #expect(try await store.signedIn(tokenHash: session.tokenHash, now: Fixture.start) == nil)
    }

    static let revokesOnlyThatSession = StoreCheck("revokeSession ends that session and no other") { store in
        let account = try await store.register()
        let (revoked, kept) = (try await store.openSession(for: account.id), try await store.openSession(for: account.id))
        try await store.revokeSession(tokenHash: revoked.tokenHash)

        #expect(try await !store.isOpen(revoked))
        #expect(try await store.isOpen(kept))
    }

    static let ignoresRevokingAnUnknownSession = StoreCheck("revokeSession of an unknown session does nothing") { store in
        let account = try await store.register()
        let session = try await store.openSession(for: account.id)
        try await store.revokeSession(tokenHash: Fixture.tokenHash())
        #expect(try await store.isOpen(session))
    }
}
