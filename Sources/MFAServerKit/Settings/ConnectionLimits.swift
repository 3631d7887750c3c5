/// How long clients may hold the public listener, and how many may.
///
/// Together they keep slow and idle clients from starving the server: an
/// idle connection goes after ``idleTimeout``, one that trickles a request
/// after ``requestTimeout``, and no more than ``maxConnections`` are served
/// at once, so file descriptors remain for the store and `/health`.
public struct ConnectionLimits: Sendable, Equatable {
    /// Seconds a connection may wait for its next request.
    public var idleTimeout = 30
    /// Seconds from a request's first byte until its headers and body have arrived.
    public var requestTimeout = 10
    /// Connections served at once; more wait in the listen queue.
    public var maxConnections = 4096

    /// The defaults of the settings table.
    public init() {}
}
