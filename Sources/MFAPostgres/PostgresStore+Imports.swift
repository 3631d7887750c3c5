import Foundation
import MFACore

extension PostgresStore {
    public func importAccount(_ account: AccountRecord) async throws {
        let inserted = try await transaction { db in try await db.insertAccount(account) }
        guard inserted else { throw MFAStoreError.emailTaken }
    }
}
