import GRDB

extension Database {
    /// Executes one statement of the store, prepared once per connection.
    ///
    /// The store's SQL is a fixed set of strings, so every statement comes from
    /// the connection's cache (`cachedStatement`) instead of being parsed again
    /// for each request; reads do the same with ``first(sql:arguments:_:)``
    /// and ``all(sql:arguments:_:)``. Only for SQL
    /// without interpolated values, which would fill the cache.
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension Database {
    /// The first row of `sql`, decoded by `decode`; `nil` when there is none.
    ///
    /// The row is decoded where SQLite holds it: GRDB's `Row.fetchOne` copies
    /// it first, and a copied row finds each column by lowercasing every
    /// column name until one matches, a cost that grows with the square of the
    /// columns and was most of a signed-in request's read. A fetched row finds
    /// its columns in a dictionary made once per cursor.
    func first<T>(sql: String, arguments: StatementArguments = StatementArguments(), _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        // The cursor resets its statement when it goes: not before the row is decoded.
        return try withExtendedLifetime(cursor) { try cursor.next().map(decode) }
    }

    /// Every row of `sql`, each decoded by `decode` as ``first(sql:arguments:_:)`` does.
    func all<T>(sql: String, arguments: StatementArguments = StatementArguments(), _ decode: (Row) throws -> T) throws -> [T] {
        var rows: [T] = []
        let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() { rows.append(try decode(row)) }
        return rows
    }
}
