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
    /// True when mail can be delivered to `address`, a bare `local@domain`.
    public static func isDeliverable(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        return local.utf8.count <= 64 && isDotAtom(local, allowed: isAtomText) && isValidDomain(domain)
    }

    /// True when `domain` is a host name of ASCII letters, digits and inner
    /// hyphens, or an address literal such as `[192.0.2.1]`.
    public static func isValidDomain(_ domain: Substring) -> Bool {
        if domain.hasPrefix("[") {
            let literal = domain.dropFirst()
            return literal.hasSuffix("]") && literal.dropLast().unicodeScalars.allSatisfy {
                $0.isASCII && (isLetterOrDigit($0) || ".:".unicodeScalars.contains($0))
            } && literal.count > 1
        }
        return isDotAtom(domain) { isLetterOrDigit($0) || $0 == "-" }
            && !domain.split(separator: ".").contains { $0.hasPrefix("-") || $0.hasSuffix("-") }
    }

    /// True for RFC 5322 `atext`: the characters of an unquoted local part.
    public static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// True when `text` is one or more non-empty runs of `allowed` characters separated by single dots.
    private static func isDotAtom(_ text: Substring, allowed: (Unicode.Scalar) -> Bool) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy { $0.isASCII && allowed($0) }
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
