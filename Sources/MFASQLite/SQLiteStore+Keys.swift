import Foundation
import GRDB
import MFACore

// Where sealed values live, for key rotation: column by column, so that a
// value is replaced only while it is still what was read.
extension SQLiteStore {
    public func hashKey(storingIfAbsent candidate: [UInt8]) async throws -> [UInt8] {
        try await write { db in
            try db.run(
                sql: "INSERT OR IGNORE INTO data_key (name, sealed) VALUES (?, ?)", arguments: [Self.hashKeyName, Data(candidate)]
            )
            let sealed = try Data.fetchOne(db.cachedStatement(sql: "SELECT sealed FROM data_key WHERE name = ?"), arguments: [Self.hashKeyName])
            return [UInt8](sealed ?? Data())
        }
    }

    public func sealedValues(notStartingWith keyID: [UInt8]) async throws -> [SealedValue] {
        try await read { db in
            let prefix = Data(keyID)
            let length = keyID.count
            let secrets = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT id, totp_sealed_secret FROM account WHERE substr(totp_sealed_secret, 1, ?) != ?"),
                arguments: [length, prefix]
            ).map { SealedValue(location: .totpSecret(accountID: $0["id"]), sealed: $0.bytes("totp_sealed_secret")) }
            let mail = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT id, sealed_message FROM outbox WHERE substr(sealed_message, 1, ?) != ?"), arguments: [length, prefix]
            ).map { SealedValue(location: .mail(id: $0["id"]), sealed: $0.bytes("sealed_message")) }
            let hashKey = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT sealed FROM data_key WHERE name = ? AND substr(sealed, 1, ?) != ?"),
                arguments: [Self.hashKeyName, length, prefix]
            ).map { SealedValue(location: .hashKey, sealed: $0.bytes("sealed")) }
            return secrets + mail + hashKey
        }
    }

    public func reseal(_ value: SealedValue, as resealed: [UInt8]) async throws -> Bool {
        try await write { db in
            let (old, new) = (Data(value.sealed), Data(resealed))
            switch value.location {
            case .totpSecret(let accountID):
                try db.run(
                    sql: "UPDATE account SET totp_sealed_secret = ? WHERE id = ? AND totp_sealed_secret = ?", arguments: [new, accountID, old]
                )
            case .mail(let id):
                try db.run(sql: "UPDATE outbox SET sealed_message = ? WHERE id = ? AND sealed_message = ?", arguments: [new, id, old])
            case .hashKey:
                try db.run(
                    sql: "UPDATE data_key SET sealed = ? WHERE name = ? AND sealed = ?", arguments: [new, Self.hashKeyName, old]
                )
            }
            return db.changesCount == 1
        }
    }

    public func upgradeLegacyRows(_ upgrade: LegacyRowUpgrade) async throws {
        try await write { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM legacy_rows")) != nil else { return }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT account_id, code_hash FROM recovery_code")) {
                let (accountID, old): (String, [UInt8]) = (row["account_id"], row.bytes("code_hash"))
                try db.run(
                    sql: "UPDATE recovery_code SET code_hash = ? WHERE account_id = ? AND code_hash = ?",
                    arguments: [Data(upgrade.recoveryCodeHash(old, accountID)), accountID, Data(old)]
                )
            }
            for emailKey in try String.fetchAll(db.cachedStatement(sql: "SELECT email_key FROM pending_registration WHERE subject = ''")) {
                let subject = upgrade.registrationSubject(emailKey)
                try db.run(sql: "UPDATE pending_registration SET subject = ? WHERE email_key = ?", arguments: [subject, emailKey])
                try db.run(
                    sql: "UPDATE link SET subject = ? WHERE purpose = ? AND subject = ?",
                    arguments: [subject, LinkPurpose.createAccount.rawValue, emailKey]
                )
            }
            try db.run(sql: "DELETE FROM limit_window")
            try db.run(sql: "DELETE FROM legacy_rows")
        }
    }

    /// The name of the hash key's row in `data_key`.
    static let hashKeyName = "hash-key"
}
