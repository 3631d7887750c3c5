import MFAStoreConformance
import Testing

/// Every check on a database of its own. One check at a time: each opens a pool
/// and runs up to 50 concurrent operations, and a hundred of them at once would
/// take the rest of the test run's few threads and hold a thousand sockets.
@Test(.needsPostgres, .serialized, arguments: StoreConformance.checks)
func postgresStoreConforms(to check: StoreCheck) async throws {
    try await TemporaryPostgresDatabase.withStore { store in
        try await check.run { store }
    }
}

/// Two running stores (each with its own pool) on one database stand for two servers.
@Test(.needsPostgres, .serialized, arguments: StoreConformance.sharedDatabaseChecks)
func postgresStoresOnOneDatabaseHoldTogether(_ check: SharedDatabaseCheck) async throws {
    try await TemporaryPostgresDatabase.withTwoStores { stores in
        try await check.run(on: stores)
    }
}
