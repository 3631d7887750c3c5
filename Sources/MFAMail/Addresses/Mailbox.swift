import MFACore

/// An email address with an optional display name, as in `MFA Server <no-reply@example.com>`.
///
/// Addresses follow MFACore's ``MFACore/MailAddressSyntax``, the rule MFACore
/// also checks every user's address against, so that the service never accepts
/// an address its mail cannot reach. Display names may use any Unicode text.
public struct Mailbox: Sendable, Hashable, CustomStringConvertible {
    /// The name shown to readers, such as `MFA Server`, if any.
    public let displayName: String?
    /// The address itself, such as `no-reply@example.com`.
    public let address: String

    /// Creates a mailbox from an address and an optional display name.
    ///
    /// - Throws: ``MailboxError`` when the address is not a plain `local@domain`
    ///   address or the display name contains a control character.
    public init(displayName: String? = nil, address: String) throws(MailboxError) {
        guard MailAddressSyntax.isDeliverable(address) else { throw .invalidAddress }
        if let displayName, displayName.unicodeScalars.contains(where: Self.isControl) {
            throw .invalidDisplayName
        }
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// Parses `Display Name <local@domain>`, `"Quoted, Name" <local@domain>` or a bare `local@domain`.
    ///
    /// - Throws: ``MailboxError``.
    public init(parsing text: String) throws(MailboxError) {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix(">") else {
            try self.init(address: trimmed)
            return
        }
        guard let open = trimmed.lastIndex(of: "<") else { throw .malformed }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let name = try Self.unquoted(String(trimmed[..<open]).trimmingSpaces())
        try self.init(displayName: name, address: address)
    }

    /// The part of the address after the `@`.
    public var domain: Substring {
        address[address.index(after: address.lastIndex(of: "@")!)...]
    }

    /// The mailbox as a person would write it: `Name <address>` or the bare address.
    public var description: String {
        guard let displayName else { return address }
        return "\(displayName) <\(address)>"
    }

    private static func unquoted(_ name: String) throws(MailboxError) -> String {
        guard name.hasPrefix("\"") else { return name }
        guard name.count >= 2, name.hasSuffix("\"") else { throw .malformed }
        var result = ""
        var escaping = false
        for character in name.dropFirst().dropLast() {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                throw .malformed
            } else {
                result.append(character)
            }
        }
        guard !escaping else { throw .malformed }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}

/// Why a text is not a ``Mailbox``.
public enum MailboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address is not a plain `local@domain` address.
    case invalidAddress
    /// The display name contains a control character such as a line break.
    case invalidDisplayName
    /// The text is not `Name <address>` or a bare address.
    case malformed

    /// What is wrong, in words for the person who wrote the text.
    public var description: String {
        switch self {
        case .invalidAddress: "the address is not a plain local@domain address"
        case .invalidDisplayName: "the display name contains a control character"
        case .malformed: "expected 'Display Name <local@domain>' or 'local@domain'"
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
