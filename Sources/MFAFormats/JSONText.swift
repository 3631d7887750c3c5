import Foundation

/// JSON text (RFC 8259) of `Encodable` values, compact, with object keys
/// sorted and slashes unescaped: the bytes Foundation's `JSONEncoder` writes
/// with `[.sortedKeys, .withoutEscapingSlashes]` (a test compares them for
/// every answer of the server).
///
/// Foundation's encoder boxes every value in a tree of its own and formats it
/// through generic layers; for the small answers and queued messages of this
/// package that cost more than the work of a request. This encoder knows the
/// kinds of value those carry: strings, integers, booleans, finite numbers,
/// nil, arrays and objects. It does not give `Data` or `URL` the special
/// forms Foundation's does, so it refuses them rather than write another
/// form: such values travel as strings here.
public enum JSONText {
    /// The JSON text of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number, `Data` or `URL`.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        var text: [UInt8] = []
        text.reserveCapacity(256)
        root.write(into: &text)
        return text
    }

    /// Appends `string` as a JSON string literal: quotes, backslashes and
    /// control characters escaped as Foundation escapes them, everything else
    /// (slashes and non-ASCII text included) as it is, in UTF-8.
    public static func appendQuoted(_ string: String, to text: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            text.append(UInt8(ascii: "\""))
            // The runs between the bytes to escape go in whole: most strings are one run.
            var runStart = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "\\") || bytes[index] < 0x20 {
                text.append(contentsOf: bytes[runStart..<index])
                appendEscaped(bytes[index], to: &text)
                runStart = index + 1
            }
            text.append(contentsOf: bytes[runStart...])
            text.append(UInt8(ascii: "\""))
        }
    }

    /// Appends the escape of a quote, a backslash or a control character.
    private static func appendEscaped(_ byte: UInt8, to text: inout [UInt8]) {
        text.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x0A: text.append(UInt8(ascii: "n"))
        case 0x0D: text.append(UInt8(ascii: "r"))
        case 0x09: text.append(UInt8(ascii: "t"))
        case 0x08: text.append(UInt8(ascii: "b"))
        case 0x0C: text.append(UInt8(ascii: "f"))
        case 0x00..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            text += "u00".utf8 + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: text.append(byte) // a quote or a backslash
        }
    }
}

/// One value of the tree an encoding builds; containers fill theirs in place.
private final class JSONNode {
    enum Content {
        /// Text written as it is: a number, `true`, `false` or `null`.
        case literal(String)
        case string(String)
        /// Keys in the order first encoded; a key encoded again replaces its value.
        case object([(key: String, value: JSONNode)])
        case array([JSONNode])
    }

    var content: Content

    /// An object until something is encoded: Foundation writes `{}` for a value that encodes nothing.
    init(_ content: Content = .object([])) {
        self.content = content
    }

    static var null: JSONNode { JSONNode(.literal("null")) }

    func setMember(_ key: String, _ node: JSONNode) {
        guard case .object(var members) = content else { preconditionFailure("a keyed container on a value that is not an object") }
        // Taken out of `content`, the array is the only reference to its
        // storage and grows in place instead of being copied for each member.
        content = .object([])
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = node
        } else {
            members.append((key, node))
        }
        content = .object(members)
    }

    func appendElement(_ node: JSONNode) {
        guard case .array(var elements) = content else { preconditionFailure("an unkeyed container on a value that is not an array") }
        content = .array([])  // as in setMember: the elements grow in place
        elements.append(node)
        content = .array(elements)
    }

    func write(into text: inout [UInt8]) {
        switch content {
        case .literal(let literal):
            text += literal.utf8
        case .string(let string):
            JSONText.appendQuoted(string, to: &text)
        case .array(let elements):
            text.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                element.write(into: &text)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            text.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(member.key, to: &text)
                text.append(UInt8(ascii: ":"))
                member.value.write(into: &text)
            }
            text.append(UInt8(ascii: "}"))
        }
    }
}

/// The `Encoder` of one node.
private struct TreeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

/// The scalar kinds every container shares: what a value becomes in a node.
private enum Scalar {
    static func node(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONNode {
        let node = JSONNode()
        switch value {
        case let string as String: node.content = .string(string)
        case let flag as Bool: node.content = .literal(flag ? "true" : "false")
        case let number as any BinaryInteger: node.content = .literal(String(describing: number))
        case let number as Double: node.content = .literal(try text(of: number, codingPath: codingPath))
        case let number as Float: node.content = .literal(try text(of: Double(number), codingPath: codingPath))
        case is Data, is URL:
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(type(of: value)) has no JSON form here"))
        default:
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
        return node
    }

    /// A finite number as Foundation writes it: whole numbers without a fraction.
    private static func text(of number: Double, codingPath: [any CodingKey]) throws -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "JSON has no \(number)"))
        }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(describing: number)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.setMember(key.stringValue, .null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.setMember(key.stringValue, try Scalar.node(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        superEncoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        superEncoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    /// The encoder of a new member under `key`; the nested containers are its.
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONNode()
        node.setMember(key.stringValue, child)
        return TreeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    var count: Int {
        guard case .array(let elements) = node.content else { return 0 }
        return elements.count
    }

    mutating func encodeNil() throws {
        node.appendElement(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.appendElement(try Scalar.node(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        superEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        superEncoder().unkeyedContainer()
    }

    /// The encoder of a new element; the nested containers are its.
    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        node.appendElement(child)
        return TreeEncoder(node: child, codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        node.content = .literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.content = try Scalar.node(value, codingPath: codingPath).content
    }
}
