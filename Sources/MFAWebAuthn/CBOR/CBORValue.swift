/// One decoded CBOR data item (RFC 8949), restricted to the kinds WebAuthn uses.
///
/// Floating-point numbers, tags, `undefined` and the other simple values are never
/// produced: ``CBORDecoder`` refuses them.
public enum CBORValue: Sendable, Hashable {
    /// An unsigned integer (major type 0).
    case unsigned(UInt64)
    /// A negative integer (major type 1); the payload `n` stands for `-1 - n`.
    case negative(UInt64)
    /// A byte string (major type 2).
    case bytes([UInt8])
    /// A text string (major type 3), valid UTF-8.
    case text(String)
    /// An array (major type 4).
    case array([CBORValue])
    /// A map (major type 5), its entries in the order of the encoding; keys are unique.
    case map([CBORMapEntry])
    /// `false` or `true`.
    case bool(Bool)
    /// `null`.
    case null

    /// The value as a Swift integer when it is an integer that fits in `Int`.
    public var integer: Int? {
        switch self {
        case .unsigned(let value): value <= UInt64(Int.max) ? Int(value) : nil
        case .negative(let value): value <= UInt64(Int.max) ? -1 - Int(value) : nil
        default: nil
        }
    }

    /// The entries of a map, or `nil` for any other kind.
    public var mapEntries: [CBORMapEntry]? {
        if case .map(let entries) = self { entries } else { nil }
    }

    /// The value stored under `key` when this is a map.
    public subscript(key: CBORValue) -> CBORValue? {
        mapEntries?.first(where: { $0.key == key })?.value
    }

    /// The value stored under the integer `key` when this is a map (COSE labels).
    public subscript(key: Int) -> CBORValue? {
        self[key >= 0 ? .unsigned(UInt64(key)) : .negative(UInt64(-1 - key))]
    }

    /// The value stored under the text `key` when this is a map.
    public subscript(key: String) -> CBORValue? {
        self[.text(key)]
    }
}

/// One key–value pair of a CBOR map.
public struct CBORMapEntry: Sendable, Hashable {
    /// The key: an integer or a text string.
    public var key: CBORValue
    /// The value.
    public var value: CBORValue

    /// Makes an entry.
    public init(key: CBORValue, value: CBORValue) {
        self.key = key
        self.value = value
    }
}
