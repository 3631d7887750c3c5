/// The addresses mail can be delivered to: the one rule MFACore checks every
/// email address against and MFAMail checks every recipient against, so that
/// an address the service accepts is one its mail can reach.
///
/// The rule is deliberately strict: an ASCII dot-atom local part of at most 64
/// bytes (no quoted local parts) and a domain name or address literal, at most
/// 254 bytes in all, so that an address can never smuggle a line break, a second
/// recipient or an SMTP parameter into a header or an SMTP command.
/// Internationalized addresses (SMTPUTF8) are not supported yet.
public enum MailAddressSyntax {
    // Byte by byte over UTF-8: every byte the rule allows is ASCII, and a byte
    // of a multi-byte character is never one of them (this runs for every address).

    /// True when mail can be delivered to `address`, a bare `local@domain`.
    public static func isDeliverable(_ address: String) -> Bool {
        let bytes = address.utf8
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        return local.count <= 64 && isDotAtom(local, allowed: isAtomText) && isValidDomain(bytes[bytes.index(after: at)...])
    }

    /// True when `domain` is a host name of ASCII letters, digits and inner
    /// hyphens, or an address literal such as `[192.0.2.1]`.
    public static func isValidDomain(_ domain: Substring) -> Bool {
        isValidDomain(domain.utf8)
    }

    /// True for RFC 5322 `atext`: the characters of an unquoted local part.
    public static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isAtomText(UInt8(scalar.value))
    }

    private static func isAtomText(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isValidDomain<Bytes: BidirectionalCollection<UInt8>>(_ domain: Bytes) -> Bool {
        if domain.first == UInt8(ascii: "[") {
            let literal = domain.dropFirst()
            guard literal.last == UInt8(ascii: "]") else { return false }
            let inside = literal.dropLast()
            return !inside.isEmpty && inside.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }
        }
        // Labels of letters, digits and hyphens, none empty, none starting or ending with a hyphen.
        let (dot, hyphen) = (UInt8(ascii: "."), UInt8(ascii: "-"))
        return isDotAtom(domain) { isLetterOrDigit($0) || $0 == hyphen }
            && domain.first != hyphen && domain.last != hyphen
            && !zip(domain, domain.dropFirst()).contains { ($0 == dot && $1 == hyphen) || ($0 == hyphen && $1 == dot) }
    }

    /// True when `text` is one or more non-empty runs of `allowed` bytes separated by single dots.
    private static func isDotAtom<Bytes: Collection<UInt8>>(_ text: Bytes, allowed: (UInt8) -> Bool) -> Bool {
        var atomLength = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard atomLength > 0 else { return false }
                atomLength = 0
            } else {
                guard allowed(byte) else { return false }
                atomLength += 1
            }
        }
        return atomLength > 0
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
