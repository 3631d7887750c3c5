/// A CIDR range of IP addresses, such as `10.0.0.0/8` or `2001:db8::/32`; a
/// single address is its own range.
public struct IPRange: Sendable, Equatable, CustomStringConvertible {
    private let network: IPAddressBytes
    /// The prefix length over the 16-byte form (an IPv4 `/8` is `/104` here).
    private let prefixLength: Int
    /// The range as written.
    public let description: String

    /// Reads `address/length` or `address`.
    ///
    /// - Returns: `nil` for an address that does not parse or a length beyond its family's bits.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressBytes(parts[0]) else { return nil }
        let bits = address.isIPv4 ? 32 : 128
        var length = bits
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]), (0...bits).contains(value) else { return nil }
            length = value
        }
        network = address
        prefixLength = length + (128 - bits)
        description = text
    }

    /// Whether `address`, as text, lies in the range.
    func contains(_ address: IPAddressBytes) -> Bool {
        let wholeBytes = prefixLength / 8
        guard address.bytes[..<wholeBytes] == network.bytes[..<wholeBytes] else { return false }
        let remainingBits = prefixLength % 8
        guard remainingBits > 0 else { return true }
        let mask = UInt8(0xFF) << (8 - remainingBits)
        return address.bytes[wholeBytes] & mask == network.bytes[wholeBytes] & mask
    }
}
