import MFACore
import MFAStoreConformance
import MFATestSupport
import Testing

/// A store that implements only what `MFAStore` requires and keeps every
/// default (`dropExpiredMail` dropping none, `signedIn` and the counted
/// `issueLink` composed of other requirements) conforms: the suite must not
/// hold a third-party store to what our stores chose to do faster.
@Suite("Protocol defaults conformance")
struct ProtocolDefaultsConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func conforms(to check: StoreCheck) async throws {
        try await check.run { FlakyStore() }
    }
}
