import Foundation
import MFACore

// Where sealed values live, for key rotation: column by column, so that a
// value is replaced only while it is still what was read.
extension PostgresStore {
    public func hashKey(storingIfAbsent candidate: [UInt8]) async throws -> [UInt8] {
        try await transaction { db in
            // Two statements: the second's snapshot sees a key another server stored
            // while the first waited on it; one statement's snapshot would not.
            try await db.run("INSERT INTO data_key (name, sealed) VALUES (\(Self.hashKeyName), \(candidate.bytea)) ON CONFLICT (name) DO NOTHING")
            let sealed = try await db.rows("SELECT sealed FROM data_key WHERE name = \(Self.hashKeyName)").first?.decode(Data.self)
            return [UInt8](sealed ?? Data())
        }
    }

    public func sealedValues(notStartingWith keyID: [UInt8]) async throws -> [SealedValue] {
        let (prefix, length) = (keyID.bytea, Int32(keyID.count))
        let secrets = try await rows("SELECT id, totp_sealed_secret FROM account WHERE substring(totp_sealed_secret FROM 1 FOR \(length)) <> \(prefix)")
            .map { row in
                let columns = Columns(row)
                return SealedValue(location: .totpSecret(accountID: try columns("id")), sealed: try columns.bytes("totp_sealed_secret"))
            }
        let mail = try await rows("SELECT id, sealed_message FROM outbox WHERE substring(sealed_message FROM 1 FOR \(length)) <> \(prefix)")
            .map { row in
                let columns = Columns(row)
                return SealedValue(location: .mail(id: try columns("id")), sealed: try columns.bytes("sealed_message"))
            }
        let hashKey = try await rows("""
            SELECT sealed FROM data_key WHERE name = \(Self.hashKeyName) AND substring(sealed FROM 1 FOR \(length)) <> \(prefix)
            """).map { SealedValue(location: .hashKey, sealed: try Columns($0).bytes("sealed")) }
        return secrets + mail + hashKey
    }

    public func reseal(_ value: SealedValue, as resealed: [UInt8]) async throws -> Bool {
        let (old, new) = (value.sealed.bytea, resealed.bytea)
        switch value.location {
        case .totpSecret(let accountID):
            return try await rows("""
                UPDATE account SET totp_sealed_secret = \(new) WHERE id = \(accountID) AND totp_sealed_secret = \(old) RETURNING 1
                """).count == 1
        case .mail(let id):
            return try await rows("UPDATE outbox SET sealed_message = \(new) WHERE id = \(id) AND sealed_message = \(old) RETURNING 1").count == 1
        case .hashKey:
            return try await rows("UPDATE data_key SET sealed = \(new) WHERE name = \(Self.hashKeyName) AND sealed = \(old) RETURNING 1").count == 1
        }
    }

    public func upgradeLegacyRows(_ upgrade: LegacyRowUpgrade) async throws {
        try await transaction { db in
            // The marker row is locked: a second server waits, then finds it gone.
            guard try await db.run("SELECT 1 FROM legacy_rows FOR UPDATE") > 0 else { return }
            for row in try await db.rows("SELECT account_id, code_hash FROM recovery_code") {
                let columns = Columns(row)
                let (accountID, old): (String, [UInt8]) = (try columns("account_id"), try columns.bytes("code_hash"))
                try await db.run("""
                    UPDATE recovery_code SET code_hash = \(upgrade.recoveryCodeHash(old, accountID).bytea)
                    WHERE account_id = \(accountID) AND code_hash = \(old.bytea)
                    """)
            }
            for row in try await db.rows("SELECT email_key FROM pending_registration WHERE subject = ''") {
                let emailKey = try row.decode(String.self)
                let subject = upgrade.registrationSubject(emailKey)
                try await db.run("UPDATE pending_registration SET subject = \(subject) WHERE email_key = \(emailKey)")
                try await db.run("""
                    UPDATE link SET subject = \(subject) WHERE purpose = \(LinkPurpose.createAccount.rawValue) AND subject = \(emailKey)
                    """)
            }
            try await db.run("DELETE FROM limit_window")
            try await db.run("DELETE FROM legacy_rows")
        }
    }

    /// The name of the hash key's row in `data_key`, as in the SQLite store.
    static let hashKeyName = "hash-key"
}
