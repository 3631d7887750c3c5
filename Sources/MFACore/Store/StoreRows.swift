import Foundation

/// Every row a store holds, table by table, as `mfa-server migrate-store`
/// moves a database from one store to another: hashes stay hashes and sealed
/// values stay sealed, so the servers of the new store need the same key file.
public struct StoreRows: Sendable, Hashable {
    /// A recovery code of an account, as its keyed hash.
    public struct RecoveryCode: Sendable, Hashable {
        /// The account it belongs to.
        public var accountID: String
        /// The code's keyed hash.
        public var codeHash: [UInt8]
        /// Creates a row.
        public init(accountID: String, codeHash: [UInt8]) {
            self.accountID = accountID
            self.codeHash = codeHash
        }
    }

    /// A limit's current window.
    public struct LimitWindow: Sendable, Hashable {
        /// The limit's keyed name.
        public var key: String
        /// When the window opened.
        public var startedAt: Date
        /// The events counted in it.
        public var eventCount: Int
        /// When it closes.
        public var endsAt: Date
        /// Creates a row.
        public init(key: String, startedAt: Date, eventCount: Int, endsAt: Date) {
            self.key = key
            self.startedAt = startedAt
            self.eventCount = eventCount
            self.endsAt = endsAt
        }
    }

    /// A message of the outbox with its delivery state.
    public struct OutboxMessage: Sendable, Hashable {
        /// The message, sealed, with its due time and attempts.
        public var mail: QueuedMail
        /// Until when a worker holds it.
        public var leasedUntil: Date?
        /// When it was sent, failed or dropped.
        public var finishedAt: Date?
        /// `sent`, `failed` or `dropped` once finished.
        public var disposition: String?
        /// Creates a row.
        public init(mail: QueuedMail, leasedUntil: Date?, finishedAt: Date?, disposition: String?) {
            self.mail = mail
            self.leasedUntil = leasedUntil
            self.finishedAt = finishedAt
            self.disposition = disposition
        }
    }

    /// A sealed key the store keeps (the hash key), by name.
    public struct DataKey: Sendable, Hashable {
        /// The key's name.
        public var name: String
        /// The key, sealed under a server key.
        public var sealed: [UInt8]
        /// Creates a row.
        public init(name: String, sealed: [UInt8]) {
            self.name = name
            self.sealed = sealed
        }
    }

    /// Every account.
    public var accounts: [AccountRecord] = []
    /// Every unused recovery code.
    public var recoveryCodes: [RecoveryCode] = []
    /// Every pending registration, expired or not.
    public var pendingRegistrations: [PendingRegistration] = []
    /// Every link, expired or not.
    public var links: [LinkRecord] = []
    /// Every session, expired or not.
    public var sessions: [SessionRecord] = []
    /// Every limit window.
    public var limitWindows: [LimitWindow] = []
    /// Every message, finished or not, in the order they were queued.
    public var outbox: [OutboxMessage] = []
    /// The sealed keys (the hash key).
    public var dataKeys: [DataKey] = []
    /// Every passkey.
    public var passkeys: [PasskeyRecord] = []
    /// Every passkey challenge waiting for its answer, expired or not.
    public var passkeyChallenges: [PasskeyChallenge] = []
    /// Whether rows written before keyed hashes still wait for their upgrade
    /// (see ``MFAStore/upgradeLegacyRows(_:)``).
    public var legacyRowsPending = false

    /// No rows.
    public init() {}

    /// How many rows each table holds, by the tables' names in the SQL stores.
    public var counts: StoreRowCounts {
        StoreRowCounts([
            "account": accounts.count, "recovery_code": recoveryCodes.count, "pending_registration": pendingRegistrations.count,
            "link": links.count, "session": sessions.count, "limit_window": limitWindows.count, "outbox": outbox.count,
            "data_key": dataKeys.count, "passkey": passkeys.count, "passkey_challenge": passkeyChallenges.count,
            "legacy_rows": legacyRowsPending ? 1 : 0,
        ])
    }
}

/// How many rows each table of a store holds.
public struct StoreRowCounts: Sendable, Hashable, CustomStringConvertible {
    /// Rows by table name.
    public var tables: [String: Int]

    /// Counts by table name.
    public init(_ tables: [String: Int]) {
        self.tables = tables
    }

    /// Every row of every table.
    public var total: Int { tables.values.reduce(0, +) }

    /// `account: 3, data_key: 1, …`, tables by name, the empty ones left out.
    public var description: String {
        let listed = tables.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return listed.isEmpty ? "no rows" : listed.joined(separator: ", ")
    }
}

/// A store whose rows can be moved into another: the two sides of `mfa-server migrate-store`.
public protocol MFAStoreTransfer: MFAStore {
    /// Every row, read in one consistent snapshot.
    func exportRows() async throws -> StoreRows

    /// Writes `rows` into the store, all at once; refuses (changing nothing)
    /// when the store holds any row already.
    ///
    /// - Throws: ``StoreTransferError/targetNotEmpty(_:)``, or the store's error.
    func importRows(_ rows: StoreRows) async throws

    /// How many rows each table holds.
    func rowCounts() async throws -> StoreRowCounts
}

/// Why a transfer of rows was refused.
public enum StoreTransferError: Error, Sendable, Equatable {
    /// The target holds these rows already; nothing was written.
    case targetNotEmpty(StoreRowCounts)
}
