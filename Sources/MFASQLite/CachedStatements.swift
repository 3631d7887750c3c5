import GRDB

extension Database {
    /// Executes one statement of the store, prepared once per connection.
    ///
    /// The store's SQL is a fixed set of strings, so every statement comes from
    /// the connection's cache (`cachedStatement`) instead of being parsed again
    /// for each request; reads do the same with
    /// `Row.fetchOne(db.cachedStatement(sql:), arguments:)`. Only for SQL
    /// without interpolated values, which would fill the cache.
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
