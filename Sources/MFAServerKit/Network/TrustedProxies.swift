/// The reverse proxies whose forwarding headers are believed
/// (`MFA_TRUSTED_PROXIES`), and the rule that finds the client behind them.
///
/// A proxy appends the address it received a request from to
/// `X-Forwarded-For`, so everything left of the last trusted proxy's entry
/// may have been written by the client itself. The client is therefore the
/// right-most entry that is not a trusted proxy: the one address a trusted
/// proxy saw connect. A peer outside every range is the client, and its
/// headers are ignored, so that nobody can choose their own limit bucket.
public struct TrustedProxies: Sendable, Equatable {
    /// The ranges, in the order given.
    public var ranges: [IPRange]

    /// Trusts the peers in `ranges`; none by default.
    public init(_ ranges: [IPRange] = []) {
        self.ranges = ranges
    }

    /// Reads a comma-separated list of CIDR ranges; blanks around commas are ignored.
    ///
    /// - Returns: `nil` naming no range when one entry does not parse.
    public init?(parsing text: String) {
        var ranges: [IPRange] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let range = IPRange(parsing: entry.trimmingCharacters(in: .whitespaces)) else { return nil }
            ranges.append(range)
        }
        self.init(ranges)
    }

    /// Where a request comes from, given its peer's address and its headers.
    ///
    /// - Parameters:
    ///   - peer: the connected peer's IP address as text, if known.
    ///   - forwardedFor: every `X-Forwarded-For` field value, in order.
    ///   - forwardedProto: the `X-Forwarded-Proto` field value, if any.
    func client(peer: String?, forwardedFor: [String], forwardedProto: String?) -> ForwardedClient {
        guard let peer, isTrusted(peer) else { return ForwardedClient(address: peer, scheme: nil) }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { String($0.trimmingOptionalWhitespace) }
        // Every hop trusted (or none given): the left-most is as far as the chain goes.
        let address = hops.last { !isTrusted($0) } ?? hops.first ?? peer
        let scheme = forwardedProto.map { $0.trimmingOptionalWhitespace.lowercased() }
        return ForwardedClient(address: address, scheme: scheme == "https" || scheme == "http" ? scheme : nil)
    }

    private func isTrusted(_ address: String) -> Bool {
        guard let bytes = IPAddressBytes(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }
}

/// The client of a request as the trusted proxies tell it.
struct ForwardedClient: Sendable, Equatable {
    /// The client's IP address as text; `nil` when the peer is unknown
    /// (in-process tests). A trusted proxy may have written one that is not an address.
    let address: String?
    /// `https` or `http` as a trusted proxy reported the client's connection; `nil` when not reported.
    let scheme: String?
}
