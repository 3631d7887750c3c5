/// Strict parsers for the text forms of IP addresses, for ``ClientNetwork``.
enum IPAddressText {
    /// The four octets of a dotted IPv4 address, or `nil`.
    ///
    /// Leading zeros are refused: some parsers read `010` as octal 8, and a
    /// limit must never count one address under two spellings.
    static func ipv4(_ text: Substring) -> [UInt8]? {
        // One pass over the bytes: this runs for every request's client.
        var octets: [UInt8] = []
        octets.reserveCapacity(4)
        var value = 0, digits = 0, leadingZero = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !leadingZero, digits < 3 else { return nil }
                leadingZero = digits == 0 && byte == UInt8(ascii: "0")
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "."):
                guard digits > 0, value <= 255, octets.count < 3 else { return nil }
                octets.append(UInt8(value))
                (value, digits, leadingZero) = (0, 0, false)
            default:
                return nil
            }
        }
        guard digits > 0, value <= 255, octets.count == 3 else { return nil }
        octets.append(UInt8(value))
        return octets
    }

    /// The eight 16-bit groups of an IPv6 address, or `nil`. A zone id after
    /// `%` is dropped; it must not be empty.
    static func ipv6(_ text: String) -> [UInt16]? {
        var address = Substring(text)
        if let percent = address.firstIndex(of: "%") {
            guard address.index(after: percent) < address.endIndex else { return nil }
            address = address[..<percent]
        }
        let halves = address.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            guard let groups = groups(of: halves[0]), groups.count == 8 else { return nil }
            return groups
        case 2:
            guard let head = groups(of: halves[0], embeddedIPv4Allowed: false), let tail = groups(of: halves[1]),
                  head.count + tail.count <= 7
            else { return nil }
            return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        default:
            return nil
        }
    }

    /// The groups of one side of `::` (or of a whole uncompressed address):
    /// colon-separated runs of 1–4 hex digits, the last of which may be a
    /// dotted IPv4 address standing for two groups. An empty side has none.
    private static func groups(of text: Substring, embeddedIPv4Allowed: Bool = true) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, embeddedIPv4Allowed, part.contains(".") {
                guard let octets = ipv4(part) else { return nil }
                groups += [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
            } else {
                guard (1...4).contains(part.count), part.allSatisfy(\.isASCIIHexDigit), let value = UInt16(part, radix: 16) else { return nil }
                groups.append(value)
            }
        }
        return groups
    }
}

private extension Character {
    /// Unlike `isHexDigit`, refuses the fullwidth forms.
    var isASCIIHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
