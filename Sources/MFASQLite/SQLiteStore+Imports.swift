import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func importAccount(_ account: AccountRecord) async throws {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE email_key = ?", arguments: [account.emailKey]) == nil else {
                throw MFAStoreError.emailTaken
            }
            try db.insertAccount(account)
        }
    }

    public func replaceRecoveryCodes(accountID: String, acceptedTimeStep: UInt64, with hashes: [[UInt8]], mail: QueuedMail, now: Date) async throws {
        try await write { db in
            guard let account = try db.account(id: accountID) else { throw MFAStoreError.accountNotFound }
            if let last = account.lastAcceptedTimeStep, acceptedTimeStep <= last { throw MFAStoreError.timeStepAlreadyUsed }
            try db.execute(sql: "UPDATE account SET last_time_step = ? WHERE id = ?", arguments: [Int64(acceptedTimeStep), accountID])
            try db.execute(sql: "DELETE FROM recovery_code WHERE account_id = ?", arguments: [accountID])
            try db.insertRecoveryCodes(hashes, accountID: accountID)
            try db.insert(mail)
        }
    }
}
