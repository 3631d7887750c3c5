/// An email address that passed the contract's rules.
///
/// Addresses are stored as given (after trimming) and compared
/// case-insensitively through ``key``.
public struct EmailAddress: Sendable, Hashable {
    /// The address as the user typed it, trimmed.
    public let value: String

    /// The form addresses are compared and looked up by: lowercased.
    public var key: String { value.lowercased() }

    /// Checks `text` against the contract: 3...254 characters, exactly one `@`,
    /// a non-empty local part, a domain with a dot, no spaces or control characters.
    ///
    /// - Throws: ``MFAError/invalidFields(_:)`` naming `field`.
    public init(_ text: String, field: Field = .email) throws(MFAError) {
        let trimmed = text.trimmingWhitespace()
        guard let problem = Self.problem(with: trimmed) else {
            value = trimmed
            return
        }
        throw .invalid(field, problem)
    }

    private static func problem(with address: String) -> String? {
        guard (3...254).contains(address.count) else {
            return "An email address has 3 to 254 characters."
        }
        guard !address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            return "An email address has no spaces or control characters."
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "An email address has exactly one @." }
        let domain = parts[1]
        guard !parts[0].isEmpty, domain.contains("."), domain.first != ".", domain.last != "." else {
            return "An email address needs a name before the @ and a domain with a dot after it."
        }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
