import Foundation
import GRDB
import GRDBSQLite

/// The current row of a statement, read by column index where SQLite holds it.
///
/// GRDB's row cursor makes a table of the lowercased column names for every
/// query it runs and finds each column in it by name: for the account that a
/// signed-in request looks up, that cost as much as SQLite's own work
/// (`StoreBenchmarks`: 39 allocations and 11.6 µs a lookup with it, 24 and
/// 7.3 µs without). The account's reads select its columns in a fixed order,
/// written next to the decoder that reads them (``AccountRecord/selectedColumns``).
struct SQLiteColumns {
    fileprivate let statement: SQLiteStatement

    func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(statement, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : sqlite3_column_int64(statement, index) }

    func date(_ index: Int32) -> Date { Date(stored: sqlite3_column_double(statement, index)) }

    func optionalDate(_ index: Int32) -> Date? { isNull(index) ? nil : date(index) }

    func bytes(_ index: Int32) -> [UInt8] {
        // Called first, as SQLite asks: it may convert the value, and a blob of no bytes has no pointer.
        guard let pointer = sqlite3_column_blob(statement, index) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, index))))
    }

    private func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }
}

extension Database {
    /// The first row of `sql`, read by `decode`; `nil` when there is none.
    ///
    /// Like ``first(sql:arguments:_:)``, from the connection's statement cache.
    func first<T>(sql: String, arguments: StatementArguments, columns decode: (SQLiteColumns) throws -> T) throws -> T? {
        try withStatement(sql: sql, arguments: arguments) { statement in
            try step(statement, of: sql) ? decode(SQLiteColumns(statement: statement)) : nil
        }
    }

    /// Every row of `sql`, each read by `decode`.
    func all<T>(sql: String, arguments: StatementArguments = StatementArguments(), columns decode: (SQLiteColumns) throws -> T) throws -> [T] {
        try withStatement(sql: sql, arguments: arguments) { statement in
            var rows: [T] = []
            while try step(statement, of: sql) { rows.append(try decode(SQLiteColumns(statement: statement))) }
            return rows
        }
    }

    private func withStatement<T>(sql: String, arguments: StatementArguments, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let statement = try cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        // Ends a lookup's read transaction, and leaves the statement ready for its next use.
        defer { sqlite3_reset(statement.sqliteStatement) }
        return try body(statement.sqliteStatement)
    }

    /// Whether stepping `statement` reached a row; false once there are no more.
    private func step(_ statement: SQLiteStatement, of sql: String) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }
}
