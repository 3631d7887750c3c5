/// One count against one limit, for ``MFAStore/countEvents(_:now:)``.
public struct LimitedEvent: Sendable, Hashable {
    /// The counter's key, in the form the store keeps: never an address or
    /// client network in the clear.
    public var key: String
    /// The limit of the counter.
    public var limit: RateLimit

    /// Creates an event for the counter `key` under `limit`.
    public init(key: String, limit: RateLimit) {
        self.key = key
        self.limit = limit
    }
}
