/// The conformance suite every ``MFACore/MFAStore`` must pass: each atomic
/// operation, expiry at its boundary, and races between concurrent callers.
///
/// Run every check from your store's test target, giving each a fresh, empty store:
///
/// ```swift
/// import MFAStoreConformance
/// import Testing
///
/// @Test(arguments: StoreConformance.checks)
/// func conforms(to check: StoreCheck) async throws {
///     try await check.run { try await makeMyStore() }
/// }
/// ```
///
/// The checks pin down what the protocol's documentation leaves to the
/// reader: a record stops working at its `expiresAt` (it works until one
/// instant before); a claimed message may be claimed again from its
/// `leaseUntil`; an operation that consumes a link reports a used or expired
/// link as ``MFACore/MFAStoreError/linkNotUsable`` even when the link's
/// account is gone by then, so that all the losers of a race see that error;
/// a refused operation changes nothing. Fixture times are whole seconds from midnight
/// UTC, so stores that keep seconds or align limit windows to the clock pass too.
public enum StoreConformance {
    /// Every check, grouped by area: limits, links, accounts, commits,
    /// sessions, the outbox, housekeeping, races, keys, imports, operators and passkeys.
    public static let checks: [StoreCheck] =
        EventLimitChecks.all + AddressKeyChecks.all
        + FailureChecks.all + LinkChecks.all + AccountChecks.all + CommitChecks.all
        + SessionChecks.all + OutboxChecks.all + HousekeepingChecks.all + RaceChecks.all + KeyChecks.all + ImportChecks.all
        + OperatorChecks.all + PasskeyChecks.all

    /// What stores of several processes on one database must hold together;
    /// run each on stores that separate servers would open:
    ///
    /// ```swift
    /// @Test(arguments: StoreConformance.sharedDatabaseChecks)
    /// func holdsAcrossServers(_ check: SharedDatabaseCheck) async throws {
    ///     let database = try await makeEmptyDatabase()
    ///     try await check.run(on: [try MyStore(database), try MyStore(database)])
    /// }
    /// ```
    public static let sharedDatabaseChecks: [SharedDatabaseCheck] = SharedDatabaseChecks.all
}
