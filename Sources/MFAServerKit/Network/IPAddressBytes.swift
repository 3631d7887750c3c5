#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IP address as 16 bytes, IPv4 mapped into IPv6 (`::ffff:a.b.c.d`), so
/// that one comparison serves both families and a mapped address matches the
/// IPv4 range it belongs to.
struct IPAddressBytes: Sendable, Equatable {
    let bytes: [UInt8]

    /// Reads dotted IPv4 or any IPv6 spelling, as the C library's `inet_pton` does.
    ///
    /// - Returns: `nil` for anything else, ports and brackets included.
    init?(_ text: some StringProtocol) {
        let text = String(text)
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            let octets = withUnsafeBytes(of: &v4) { Array($0) }
            bytes = Array(repeating: 0, count: 10) + [0xFF, 0xFF] + octets
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        bytes = withUnsafeBytes(of: &v6) { Array($0) }
    }

    /// Whether this is an IPv4 address (or an IPv4-mapped IPv6 one).
    var isIPv4: Bool {
        bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
    }
}
