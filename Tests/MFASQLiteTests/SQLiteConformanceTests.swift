import MFAStoreConformance
import Testing

@Test(arguments: StoreConformance.checks)
func sqliteStoreConforms(to check: StoreCheck) async throws {
    let database = TemporaryDatabase()
    defer { database.remove() }
    try await check.run { try database.open() }
}
