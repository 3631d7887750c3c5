import Foundation
import GRDB
import MFACore

extension SQLiteStore {
    public func importAccount(_ account: AccountRecord) async throws {
        try await write { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM account WHERE email_key = ?"), arguments: [account.emailKey]) == nil else {
                throw MFAStoreError.emailTaken
            }
            try db.insertAccount(account)
        }
    }

}
