/// A strict CBOR decoder (RFC 8949) for the structures of WebAuthn: attestation
/// objects, COSE keys and authenticator extension outputs.
///
/// What it accepts is deliberately narrow:
/// - definite lengths only; integers, lengths and counts in their shortest form
///   (the "preferred serialization" CTAP2 canonical CBOR requires);
/// - unsigned and negative integers, byte and text strings (valid UTF-8), arrays, maps,
///   `false`, `true` and `null`; no tags, floating-point numbers or other simple values;
/// - map keys that are integers or text strings, each at most once per map, and, when
///   ``Limits/requireCanonicalMapOrder`` is set, in CTAP2 canonical order;
/// - at most ``Limits/maximumInputSize`` bytes, ``Limits/maximumDepth`` levels of nesting
///   and ``Limits/maximumCollectionCount`` elements per array or map.
///
/// A declared length is checked against the bytes that remain before anything is
/// allocated, so a short input cannot make the decoder reserve much memory.
public struct CBORDecoder: Sendable {
    /// The bounds within which an input is decoded.
    public struct Limits: Sendable, Hashable {
        /// The largest input, in bytes, that is decoded at all.
        public var maximumInputSize: Int
        /// How many arrays and maps may nest inside one another (a top-level map is 1).
        public var maximumDepth: Int
        /// The most elements (or key–value pairs) one array (or map) may declare.
        public var maximumCollectionCount: Int
        /// Whether the keys of every map must be in CTAP2 canonical order (major type,
        /// then encoded length, then bytes).
        public var requireCanonicalMapOrder: Bool

        /// Makes limits; the defaults suit WebAuthn's attestation objects.
        public init(
            maximumInputSize: Int = 64 * 1024,
            maximumDepth: Int = 16,
            maximumCollectionCount: Int = 1024,
            requireCanonicalMapOrder: Bool = false
        ) {
            self.maximumInputSize = maximumInputSize
            self.maximumDepth = maximumDepth
            self.maximumCollectionCount = maximumCollectionCount
            self.requireCanonicalMapOrder = requireCanonicalMapOrder
        }
    }

    /// The limits this decoder applies.
    public var limits: Limits

    /// Makes a decoder with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Decodes `bytes` as exactly one data item.
    ///
    /// - Throws: ``CBORError/trailingBytes`` when bytes follow the item, or the check
    ///   the item failed.
    public func decode(_ bytes: [UInt8]) throws(CBORError) -> CBORValue {
        let (value, length) = try decodeItem(in: bytes, at: 0)
        guard length == bytes.count else { throw .trailingBytes }
        return value
    }

    /// Decodes the one data item that starts at `offset` in `bytes`, and tells how
    /// many bytes it takes; whatever follows it is left alone.
    ///
    /// This finds where a credential public key ends inside authenticator data.
    /// The size limit applies to the bytes from `offset` on.
    public func decodeItem(in bytes: [UInt8], at offset: Int) throws(CBORError) -> (value: CBORValue, length: Int) {
        precondition(offset >= 0 && offset <= bytes.count, "offset outside the input")
        guard bytes.count - offset <= limits.maximumInputSize else { throw .inputTooLarge }
        var reader = Reader(bytes: bytes, index: offset, limits: limits)
        let value = try reader.item(depth: 0)
        return (value, reader.index - offset)
    }
}

extension CBORDecoder {
    fileprivate struct Reader {
        let bytes: [UInt8]
        var index: Int
        let limits: Limits

        var remaining: Int { bytes.count - index }

        mutating func byte() throws(CBORError) -> UInt8 {
            guard index < bytes.count else { throw .truncated }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func bigEndian(_ count: Int) throws(CBORError) -> UInt64 {
            guard remaining >= count else { throw .truncated }
            var value: UInt64 = 0
            for offset in 0..<count {
                value = value << 8 | UInt64(bytes[index + offset])
            }
            index += count
            return value
        }

        /// The argument of a head whose additional information is `info`, in shortest form.
        mutating func argument(_ info: UInt8) throws(CBORError) -> UInt64 {
            switch info {
            case 0..<24:
                return UInt64(info)
            case 24:
                let value = try bigEndian(1)
                guard value >= 24 else { throw .nonShortestEncoding }
                return value
            case 25:
                let value = try bigEndian(2)
                guard value > 0xFF else { throw .nonShortestEncoding }
                return value
            case 26:
                let value = try bigEndian(4)
                guard value > 0xFFFF else { throw .nonShortestEncoding }
                return value
            case 27:
                let value = try bigEndian(8)
                guard value > 0xFFFF_FFFF else { throw .nonShortestEncoding }
                return value
            case 31:
                throw .indefiniteLength
            default:
                throw .reservedAdditionalInformation
            }
        }

        /// A length or count that must fit in what remains, `unit` bytes at least per element.
        mutating func length(_ info: UInt8, unit: Int) throws(CBORError) -> Int {
            let declared = try argument(info)
            guard declared <= UInt64(remaining / unit) else { throw .lengthExceedsInput }
            return Int(declared)
        }

        mutating func item(depth: Int) throws(CBORError) -> CBORValue {
            let initial = try byte()
            let major = initial >> 5
            let info = initial & 0x1F
            switch major {
            case 0:
                guard info != 31 else { throw .reservedAdditionalInformation }
                return .unsigned(try argument(info))
            case 1:
                guard info != 31 else { throw .reservedAdditionalInformation }
                return .negative(try argument(info))
            case 2:
                let count = try length(info, unit: 1)
                defer { index += count }
                return .bytes(Array(bytes[index..<index + count]))
            case 3:
                let count = try length(info, unit: 1)
                guard let text = String(validating: bytes[index..<index + count], as: UTF8.self) else {
                    throw .invalidUTF8
                }
                index += count
                return .text(text)
            case 4:
                guard depth < limits.maximumDepth else { throw .depthLimitExceeded }
                let count = try length(info, unit: 1)
                guard count <= limits.maximumCollectionCount else { throw .collectionTooLarge }
                var elements: [CBORValue] = []
                elements.reserveCapacity(count)
                for _ in 0..<count {
                    elements.append(try item(depth: depth + 1))
                }
                return .array(elements)
            case 5:
                guard depth < limits.maximumDepth else { throw .depthLimitExceeded }
                let count = try length(info, unit: 2)
                guard count <= limits.maximumCollectionCount else { throw .collectionTooLarge }
                return .map(try mapEntries(count: count, depth: depth))
            case 6:
                throw .tagNotAllowed
            default:
                return try simple(info)
            }
        }

        mutating func mapEntries(count: Int, depth: Int) throws(CBORError) -> [CBORMapEntry] {
            var entries: [CBORMapEntry] = []
            entries.reserveCapacity(count)
            var seenKeys = Set<ArraySlice<UInt8>>(minimumCapacity: count)
            var previousKey: ArraySlice<UInt8>?
            for _ in 0..<count {
                let keyStart = index
                let key = try item(depth: depth + 1)
                switch key {
                case .unsigned, .negative, .text: break
                default: throw .mapKeyTypeNotAllowed
                }
                // Shortest-form heads make the encoding of a key unique to its value.
                let keyBytes = bytes[keyStart..<index]
                guard seenKeys.insert(keyBytes).inserted else { throw .duplicateMapKey }
                if limits.requireCanonicalMapOrder, let previousKey {
                    guard Self.canonicallyPrecedes(previousKey, keyBytes) else { throw .mapKeysNotInCanonicalOrder }
                }
                previousKey = keyBytes
                entries.append(CBORMapEntry(key: key, value: try item(depth: depth + 1)))
            }
            return entries
        }

        mutating func simple(_ info: UInt8) throws(CBORError) -> CBORValue {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 25, 26, 27: throw .floatNotAllowed
            case 28, 29, 30: throw .reservedAdditionalInformation
            case 31: throw .indefiniteLength  // a break outside an indefinite-length item
            default: throw .simpleValueNotAllowed
            }
        }

        /// CTAP2 canonical order: lower major type first, then shorter encoding, then bytewise.
        static func canonicallyPrecedes(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
            let lhsMajor = lhs.first! >> 5
            let rhsMajor = rhs.first! >> 5
            if lhsMajor != rhsMajor { return lhsMajor < rhsMajor }
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            return lhs.lexicographicallyPrecedes(rhs)
        }
    }
}
