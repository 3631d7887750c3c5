import MFACore

/// One named behaviour that stores of several processes on one database must
/// show together: what holds across servers behind a load balancer.
///
/// Run from a test like a ``StoreCheck``, giving each check stores of its own
/// database, opened as separate servers would open them (see ``StoreConformance``).
public struct SharedDatabaseCheck: Sendable, CustomStringConvertible {
    /// What the check asserts, as a sentence about the stores.
    public let name: String
    private let body: @Sendable ([any MFAStore]) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable ([any MFAStore]) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// The check's name, so that test reports list each check by what it asserts.
    public var description: String { name }

    /// Runs the check on `stores`: at least two, each opened on the same new,
    /// empty database as another server would open it, and used by no other check.
    public func run(on stores: [any MFAStore]) async throws {
        precondition(stores.count >= 2, "a shared-database check needs two stores or more")
        try await body(stores)
    }
}
