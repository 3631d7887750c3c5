/// A dictionary whose `String` keys match only byte for byte, as SQL stores
/// compare text.
///
/// Swift's `String` equality is canonical equivalence (an NFC `é` equals its
/// NFD spelling), so a plain `[String: Value]` would find records under keys a
/// SQL store would not; ``InMemoryStore`` keys by exact bytes so that every
/// store answers alike.
struct ExactKeyDictionary<Value> {
    private var storage: [[UInt8]: Value] = [:]

    subscript(key: String) -> Value? {
        get { storage[Array(key.utf8)] }
        set { storage[Array(key.utf8)] = newValue }
    }

    var keys: [String] { storage.keys.map { String(decoding: $0, as: UTF8.self) } }

    var values: Dictionary<[UInt8], Value>.Values { storage.values }

    /// The entries whose value passes `isIncluded`.
    func filter(_ isIncluded: (Value) throws -> Bool) rethrows -> Self {
        var kept = Self()
        kept.storage = try storage.filter { try isIncluded($0.value) }
        return kept
    }
}

extension ExactKeyDictionary: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension String {
    /// True when both strings have the same bytes; see ``ExactKeyDictionary``.
    func hasSameBytes(as other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
