import Foundation
import MFACore
import PostgresNIO

extension PostgresStore {
    public func savePasskeyChallenge(_ challenge: PasskeyChallenge) async throws {
        _ = try await rows(try .save(challenge))
    }

    public func consumePasskeyChallenge(hash: [UInt8], ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> Bool {
        try await rows("""
            DELETE FROM passkey_challenge
            WHERE challenge_hash = \(hash.bytea) AND ceremony = \(ceremony.rawValue) AND binding = \(binding) AND expires_at > \(now)
            RETURNING 1
            """).count == 1
    }

    public func addPasskey(_ passkey: PasskeyRecord, mail: QueuedMail) async throws {
        try await transaction { db in
            // The account row is locked, so a deletion cannot slip in between; the unique credential id decides a race.
            guard try await db.lockedAccount(id: passkey.accountID) != nil else { throw MFAStoreError.accountNotFound }
            guard try await db.insert(passkey) else { throw MFAStoreError.credentialTaken }
            try await db.insert(mail)
        }
    }

    public func passkeys(accountID: String) async throws -> [PasskeyRecord] {
        try await rows("SELECT * FROM passkey WHERE account_id = \(accountID) ORDER BY created_at, id").map(PasskeyRecord.init(row:))
    }

    public func passkey(credentialID: [UInt8]) async throws -> PasskeyRecord? {
        try await rows("SELECT * FROM passkey WHERE credential_id = \(credentialID.bytea)").first.map(PasskeyRecord.init(row:))
    }
}

extension Transaction {
    /// Inserts `passkey`; returns `false`, inserting nothing, when its credential id is taken.
    func insert(_ passkey: PasskeyRecord) async throws -> Bool {
        try await run("""
            INSERT INTO passkey (id, account_id, credential_id, public_key, sign_count, backup_eligible, transports,
                name, created_at, last_used_at)
            VALUES (\(passkey.id), \(passkey.accountID), \(passkey.credentialID.bytea), \(passkey.publicKey.bytea),
                \(Int64(passkey.signCount)), \(passkey.backupEligible), \(passkey.transports), \(passkey.name),
                \(passkey.createdAt), \(passkey.lastUsedAt))
            ON CONFLICT (credential_id) DO NOTHING
            RETURNING 1
            """) == 1
    }

    /// Stores the counter and last use of the account's passkey, if the counter follows the stored one
    /// (``MFACore/PasskeyUse/follows(_:)``, here in SQL).
    func recordPasskeyUse(_ use: PasskeyUse, by accountID: String, now: Date) async throws {
        let count = Int64(use.signCount)
        let recorded = try await run("""
            UPDATE passkey SET sign_count = \(count), last_used_at = \(now)
            WHERE credential_id = \(use.credentialID.bytea) AND account_id = \(accountID)
                AND (sign_count < \(count) OR (sign_count = 0 AND \(count) = 0))
            RETURNING 1
            """)
        guard recorded == 0 else { return }
        let owned = try await run("SELECT 1 FROM passkey WHERE credential_id = \(use.credentialID.bytea) AND account_id = \(accountID)")
        throw owned == 0 ? MFAStoreError.passkeyNotFound : MFAStoreError.signCountNotIncreased
    }
}

extension PostgresQuery {
    /// Stores `challenge`, replacing one with the same hash.
    static func save(_ challenge: PasskeyChallenge) throws -> PostgresQuery {
        try """
        INSERT INTO passkey_challenge (challenge_hash, ceremony, binding, expires_at)
        VALUES (\(challenge.challengeHash.bytea), \(challenge.ceremony.rawValue), \(challenge.binding), \(challenge.expiresAt))
        ON CONFLICT (challenge_hash) DO UPDATE SET
            ceremony = excluded.ceremony, binding = excluded.binding, expires_at = excluded.expires_at
        """
    }
}

extension PasskeyChallenge {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        guard let ceremony = PasskeyCeremony(rawValue: try columns("ceremony")) else {
            throw MFAStoreError.unavailable("unknown ceremony in passkey_challenge row")
        }
        self.init(
            challengeHash: try columns.bytes("challenge_hash"), ceremony: ceremony, binding: try columns("binding"),
            expiresAt: try columns("expires_at")
        )
    }
}

extension PasskeyRecord {
    init(row: PostgresRow) throws {
        let columns = Columns(row)
        self.init(
            id: try columns("id"), accountID: try columns("account_id"), credentialID: try columns.bytes("credential_id"),
            publicKey: try columns.bytes("public_key"), signCount: UInt32(truncatingIfNeeded: try columns("sign_count", as: Int64.self)),
            backupEligible: try columns("backup_eligible"), transports: try columns("transports"), name: try columns("name"),
            createdAt: try columns("created_at"), lastUsedAt: try columns("last_used_at")
        )
    }
}
