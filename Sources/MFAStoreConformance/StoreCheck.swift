import MFACore

/// One named behaviour that every ``MFACore/MFAStore`` must show.
///
/// Checks record their findings with Swift Testing's `#expect` and `#require`,
/// so run them from a test; see ``StoreConformance`` for the one-line harness.
public struct StoreCheck: Sendable, CustomStringConvertible {
    /// What the check asserts, as a sentence about the store.
    public let name: String
    private let body: @Sendable (any MFAStore) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (any MFAStore) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// The check's name, so that test reports list each check by what it asserts.
    public var description: String { name }

    /// Runs the check on one fresh store made by `makeStore`.
    ///
    /// The factory is called exactly once. The store it returns must be empty
    /// and must not be shared with any other check, because checks rely on
    /// seeing only the records they made.
    public func run(_ makeStore: @Sendable () async throws -> any MFAStore) async throws {
        try await body(try await makeStore())
    }
}
