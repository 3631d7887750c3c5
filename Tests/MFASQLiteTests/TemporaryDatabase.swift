import Foundation
import MFASQLite

/// A fresh directory with a database path in it, removed by `remove()`.
struct TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("data/mfa.sqlite").path }

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mfa-sqlite-\(UUID().uuidString)")
    }

    func open() throws -> SQLiteStore { try SQLiteStore(path: path) }

    /// The bytes of the database file and its WAL, as a thief would copy them.
    func rawBytes() throws -> [UInt8] {
        try [path, path + "-wal"].flatMap { file in
            FileManager.default.fileExists(atPath: file) ? [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) : []
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
