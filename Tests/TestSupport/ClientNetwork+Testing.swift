import MFACore

extension ClientNetwork {
    /// A client in TEST-NET-1 (RFC 5737), for tests that do not care where requests come from.
    public static let testClient = ClientNetwork(ipAddress: "192.0.2.1")!
}
