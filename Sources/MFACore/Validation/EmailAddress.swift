import Foundation

/// An email address that passed the contract's rules and that mail can be delivered to.
///
/// Addresses are stored as given (after trimming) and compared through
/// ``key``, so that every spelling of one address finds one account.
public struct EmailAddress: Sendable, Hashable {
    /// The address as the user typed it, trimmed.
    public let value: String

    /// The form addresses are compared and looked up by: see ``key(of:)``.
    /// Made once: a link request uses it for the lookup and for each limit.
    public let key: String

    /// Checks `text` against the contract: 3...254 characters, exactly one `@`,
    /// a non-empty local part, a domain with a dot, no spaces, control or
    /// format characters (Unicode category Cf, such as U+200B or U+202E), and
    /// an address MFAMail can deliver to (``MailAddressSyntax``).
    ///
    /// - Throws: ``MFAError/invalidFields(_:)`` naming `field`.
    public init(_ text: String, field: Field = .email) throws(MFAError) {
        let trimmed = text.trimmingWhitespace()
        guard let problem = Self.problem(with: trimmed) else {
            value = trimmed
            key = Self.key(of: trimmed)
            return
        }
        throw .invalid(field, problem)
    }

    /// The key of an address: its Unicode NFC form, lowercased (and normalised
    /// again, because lowercasing may undo NFC). Stores compare keys exactly,
    /// so canonically equivalent spellings must become one key here.
    ///
    /// ASCII text is its own NFC form, so an ASCII address (every one that
    /// passes ``MailAddressSyntax``) is only lowercased: Foundation's
    /// normalisation costs more than the rest of a sign-in link request.
    public static func key(of address: String) -> String {
        guard address.isASCII else {
            return address.precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
        }
        return String(decoding: address.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func problem(with address: String) -> String? {
        // ASCII text, as nearly every address is, is checked byte by byte: a
        // byte is a character, and Unicode's property tables are not needed.
        let isASCII = address.isASCII
        guard (3...254).contains(isASCII ? address.utf8.count : address.count) else {
            return "An email address has 3 to 254 characters."
        }
        let hasRefusedCharacter = isASCII
            ? address.utf8.contains(where: isRefusedASCII) : address.unicodeScalars.contains(where: isRefusedCharacter)
        guard !hasRefusedCharacter else {
            return "An email address has no spaces, control characters or invisible formatting characters."
        }
        // Bytes, not characters: "@" and "." are ASCII, and UTF-8 never hides an ASCII byte in another character.
        let (bytes, at, dot) = (address.utf8, UInt8(ascii: "@"), UInt8(ascii: "."))
        guard let separator = bytes.firstIndex(of: at), bytes.lastIndex(of: at) == separator else {
            return "An email address has exactly one @."
        }
        let domain = bytes[bytes.index(after: separator)...]
        guard separator != bytes.startIndex, domain.contains(dot), domain.first != dot, domain.last != dot else {
            return "An email address needs a name before the @ and a domain with a dot after it."
        }
        guard MailAddressSyntax.isDeliverable(address) else {
            return "An email address uses only ASCII letters, digits and the signs mail allows (such as . - _ +), with no dots next to each other."
        }
        return nil
    }

    static func isRefusedCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || [.control, .format].contains(scalar.properties.generalCategory)
    }

    /// ``isRefusedCharacter(_:)`` for an ASCII byte: the controls, tab to
    /// carriage return and space, and DEL.
    static func isRefusedASCII(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F
    }
}

extension String {
    /// Whether every character is ASCII, so that a byte is a character.
    fileprivate var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
