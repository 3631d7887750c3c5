import MFAStoreConformance
import Testing

@Test(arguments: StoreConformance.checks)
func sqliteStoreConforms(to check: StoreCheck) async throws {
    let database = TemporaryDatabase()
    defer { database.remove() }
    try await check.run { try database.open() }
}

/// Two pools on one file stand for two server processes.
@Test(arguments: StoreConformance.sharedDatabaseChecks)
func sqliteStoresOnOneFileHoldTogether(_ check: SharedDatabaseCheck) async throws {
    let database = TemporaryDatabase()
    defer { database.remove() }
    try await check.run(on: [try database.open(), try database.open()])
}
