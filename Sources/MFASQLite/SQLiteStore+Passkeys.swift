import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func savePasskeyChallenge(_ challenge: PasskeyChallenge) async throws {
        try await write { db in try db.save(challenge) }
    }

    public func consumePasskeyChallenge(hash: [UInt8], ceremony: PasskeyCeremony, binding: String, now: Date) async throws -> Bool {
        try await write { db in
            try db.run(
                sql: "DELETE FROM passkey_challenge WHERE challenge_hash = ? AND ceremony = ? AND binding = ? AND expires_at > ?",
                arguments: [Data(hash), ceremony.rawValue, binding, now.storedValue]
            )
            return db.changesCount == 1
        }
    }

    public func addPasskey(_ passkey: PasskeyRecord, mail: QueuedMail) async throws {
        try await write { db in
            guard try db.account(id: passkey.accountID) != nil else { throw MFAStoreError.accountNotFound }
            let taken = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM passkey WHERE credential_id = ?"), arguments: [Data(passkey.credentialID)]
            )
            guard taken == nil else { throw MFAStoreError.credentialTaken }
            try db.insert(passkey)
            try db.insert(mail)
        }
    }

    public func passkeys(accountID: String) async throws -> [PasskeyRecord] {
        try lookUp { db in
            try db.all(
                sql: "SELECT * FROM passkey WHERE account_id = ? ORDER BY created_at, id", arguments: [accountID], PasskeyRecord.init(row:)
            )
        }
    }

    public func passkey(credentialID: [UInt8]) async throws -> PasskeyRecord? {
        try lookUp { db in
            try db.first(sql: "SELECT * FROM passkey WHERE credential_id = ?", arguments: [Data(credentialID)], PasskeyRecord.init(row:))
        }
    }
}

extension Database {
    func insert(_ passkey: PasskeyRecord) throws {
        try run(
            sql: """
                INSERT INTO passkey (id, account_id, credential_id, public_key, sign_count, backup_eligible, transports,
                    name, created_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                passkey.id, passkey.accountID, Data(passkey.credentialID), Data(passkey.publicKey), Int64(passkey.signCount),
                passkey.backupEligible, passkey.transports.joined(separator: ","), passkey.name,
                passkey.createdAt.storedValue, passkey.lastUsedAt?.storedValue,
            ]
        )
    }

    /// Stores `challenge`, replacing one with the same hash.
    func save(_ challenge: PasskeyChallenge) throws {
        try run(
            sql: "INSERT OR REPLACE INTO passkey_challenge (challenge_hash, ceremony, binding, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [Data(challenge.challengeHash), challenge.ceremony.rawValue, challenge.binding, challenge.expiresAt.storedValue]
        )
    }
}

extension PasskeyChallenge {
    init(row: Row) throws {
        guard let ceremony = PasskeyCeremony(rawValue: row["ceremony"]) else {
            throw MFAStoreError.unavailable("unknown ceremony in passkey_challenge row")
        }
        self.init(challengeHash: row.bytes("challenge_hash"), ceremony: ceremony, binding: row["binding"], expiresAt: row.date("expires_at"))
    }
}

extension PasskeyRecord {
    init(row: Row) {
        let transports: String = row["transports"]
        self.init(
            id: row["id"], accountID: row["account_id"], credentialID: row.bytes("credential_id"), publicKey: row.bytes("public_key"),
            signCount: UInt32(truncatingIfNeeded: row["sign_count"] as Int64), backupEligible: row["backup_eligible"],
            transports: transports.split(separator: ",").map(String.init), name: row["name"],
            createdAt: row.date("created_at"), lastUsedAt: row.optionalDate("last_used_at")
        )
    }
}
