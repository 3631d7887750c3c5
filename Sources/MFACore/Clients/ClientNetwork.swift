/// Where a request comes from, as the per-client limits count it: an IPv4
/// address, or the /64 network of an IPv6 address.
///
/// One IPv6 host usually holds a whole /64 and can pick any address in it,
/// so counting single IPv6 addresses would give it 2^64 budgets. An
/// IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket
/// reports for an IPv4 peer) counts as its IPv4 address.
///
/// ```swift
/// ClientNetwork(ipAddress: "192.0.2.7")?.key            // "192.0.2.7"
/// ClientNetwork(ipAddress: "2001:db8:1:2:3:4:5:6")?.key // "2001:db8:1:2::/64"
/// ClientNetwork(ipAddress: "::ffff:192.0.2.7")?.key     // "192.0.2.7"
/// ```
public struct ClientNetwork: Sendable, Hashable, CustomStringConvertible {
    /// What limits count by: a dotted IPv4 address, or an IPv6 /64 prefix
    /// written as `2001:db8:1:2::/64` (lowercase, no leading zeros).
    public let key: String

    /// The network of an IP address given as text.
    ///
    /// Accepts dotted IPv4 (four decimal numbers 0–255, no leading zeros) and
    /// IPv6 in any RFC 4291 spelling: full, zero-compressed (`::`), with an
    /// embedded dotted IPv4 tail, any letter case. A zone id (`fe80::1%eth0`)
    /// names the local interface, not the client, and is ignored.
    /// Anything else — brackets, ports, prefixes, host names — is refused.
    ///
    /// - Returns: `nil` when `ipAddress` is not an IP address.
    public init?(ipAddress: String) {
        if IPAddressText.ipv4(Substring(ipAddress)) != nil {
            // The parser takes plain decimal octets only, so the text is already their key.
            key = ipAddress
            return
        }
        guard let groups = IPAddressText.ipv6(ipAddress) else { return nil }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            let tail = [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF]
            key = Self.ipv4Key(tail.map(UInt8.init))
        } else {
            key = groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
        }
    }

    private init(key: String) {
        self.key = key
    }

    /// The one network of every client whose address is not known, such as a
    /// peer on a Unix socket: they share one budget.
    public static let unidentified = ClientNetwork(key: "unidentified")

    /// The ``key``, for logs.
    public var description: String { key }

    private static func ipv4Key(_ octets: [UInt8]) -> String {
        octets.map(String.init).joined(separator: ".")
    }
}
