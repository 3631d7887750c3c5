import ArgumentParser
import Foundation
import Logging
import MFACore

/// `mfa-server migrate-store --from URL --to URL`: copies every row of one
/// database into another, empty one, such as a SQLite file into PostgreSQL.
struct MigrateStoreCommand: StandaloneOperatorCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy every row of one database into another, empty one: from SQLite to PostgreSQL, or back.",
        discussion: """
            Copies accounts, recovery codes, passkeys and their challenges, pending registrations, links, sessions, limit \
            windows, queued mail and the hash key exactly as stored: hashes stay hashes and sealed values stay sealed, so the servers of the new \
            database need the old one's key file. Reads the source in one snapshot, writes the target in one \
            transaction, and compares the counts of every table afterwards. Refuses a target that holds any row. \
            Stop the servers of the source first: what they write after the snapshot is not copied. See Docs/Operations.md.
            """
    )

    /// The security line's action.
    static let action = "store_migrated"

    @Option(help: "The database to copy: sqlite:///path/to/mfa.sqlite or postgres://user:password@host:port/database.")
    var from: String

    @Option(help: "The empty database to fill: postgres://user:password@host:port/database[?sslmode=MODE] or sqlite:///path.")
    var to: String

    func run(environment: [String: String]) async throws {
        let (source, target) = (try Self.location(from, flag: "--from"), try Self.location(to, flag: "--to"))
        guard source != target else { throw OperatorRefusal(message: "--from and --to name the same database") }
        if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
            throw OperatorRefusal(message: "--from: there is no SQLite file at \(path)")
        }
        var logger = Logger(label: "mfa-server")
        logger[metadataKey: SecurityLogField.operator] = .string(OperatorContext.operatorName(environment: environment))
        let (from, to) = (try Self.open(source, logger: logger), try Self.open(target, logger: logger))
        let copied = try await from.opened.whileRunning {
            try await to.opened.whileRunning {
                try await Self.copy(from.transfer, to: to.transfer, target: target)
            }
        }
        print("copied \(copied.total) rows from \(source) to \(target): \(copied)")
        print("sealed values were copied as they are: start the servers of \(target) with the key file of \(source)")
        logger.notice(SecurityLogField.message(for: Self.action), metadata: SecurityLogField.common(action: Self.action).merging([
            "from": .string(source.description), "to": .string(target.description), "rows": "\(copied.total)",
        ]) { $1 })
    }

    /// Copies every row and checks the target's counts against the source's.
    private static func copy(_ source: any MFAStoreTransfer, to target: any MFAStoreTransfer, target location: DatabaseLocation) async throws -> StoreRowCounts {
        let present = try await target.rowCounts()
        guard present.total == 0 else { throw refusal(location, holds: present) }
        let rows = try await source.exportRows()
        do {
            try await target.importRows(rows)
        } catch StoreTransferError.targetNotEmpty(let counts) {
            throw refusal(location, holds: counts)
        }
        let copied = try await target.rowCounts()
        guard copied == rows.counts else {
            throw OperatorRefusal(message: "the counts differ after the copy: the source had \(rows.counts), the target has \(copied)")
        }
        return copied
    }

    private static func refusal(_ target: DatabaseLocation, holds counts: StoreRowCounts) -> OperatorRefusal {
        OperatorRefusal(message: "\(target) holds rows already (\(counts)); migrate-store copies only into an empty database")
    }

    private static func location(_ url: String, flag: String) throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(url: url)
        } catch {
            throw OperatorRefusal(message: "\(flag): \(error.problem)")
        }
    }

    /// Opens a store for the copy, with a deadline that bounds only reaching it: the copy itself takes as long as it needs.
    private static func open(_ location: DatabaseLocation, logger: Logger) throws -> (opened: OpenedStore, transfer: any MFAStoreTransfer) {
        let opened = try StoreFactory.open(location, deadline: .seconds(10), logger: logger)
        guard let transfer = opened.store as? any MFAStoreTransfer else {
            throw OperatorRefusal(message: "\(location) cannot take part in a migration")
        }
        return (opened, transfer)
    }
}
