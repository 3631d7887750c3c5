import MFAStoreConformance
import Testing

@Test(.needsPostgres, arguments: StoreConformance.checks)
func postgresStoreConforms(to check: StoreCheck) async throws {
    try await TemporaryPostgresDatabase.withStore { store in
        try await check.run { store }
    }
}
