/// Reads request bodies: RFC 8259 JSON text into a ``JSONValue``.
///
/// Foundation's decoder, going through `Decodable` for a value without a
/// schema, cost more than the rest of a sign-in link request; this reads the
/// bytes once. It is strict where the RFC is: no comments, leading zeros,
/// unescaped control characters, lone surrogates or bytes that are not
/// UTF-8, and nothing after the value but whitespace; and lenient where
/// Foundation's decoder was, so that no body it took is refused now: a
/// leading byte order mark (RFC 8259 §8.1) and a comma before a closing
/// bracket are accepted. A number
/// that is a whole `Int` reads as ``JSONValue/integer(_:)`` (`1.0` and `1e2`
/// too, as Foundation read them), any other finite one as
/// ``JSONValue/number(_:)``.
extension JSONValue {
    /// The malformation of a body that is not JSON; callers answer it as one.
    struct ParseError: Error {}

    /// Deeper nesting is refused: the reader recurses once per level. (Bodies
    /// end at 16 KiB, which allows 8,000 levels; Foundation stops at 512.)
    static let maximumDepth = 512

    /// The JSON value `bytes` hold.
    static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipByteOrderMark()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.isAtEnd else { throw ParseError() }
        return value
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func skipWhitespace() {
        while let byte = next, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth < JSONValue.maximumDepth else { throw .init() }
        skipWhitespace()
        switch next {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONValue.ParseError) {
        skipWhitespace()
        guard next == byte else { throw .init() }
        position += 1
    }

    private mutating func literal(_ word: StaticString) throws(JSONValue.ParseError) {
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - position >= text.count, bytes[position..<position + text.count].elementsEqual(text) else { throw .init() }
        position += text.count
    }

    private mutating func object(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if next == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        repeat {
            skipWhitespace()
            guard next == UInt8(ascii: "\"") else { throw .init() }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            members.append((key, try value(depth: depth + 1)))
        } while try !isAtClose(UInt8(ascii: "}"))
        return .object(members)
    }

    private mutating func array(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if next == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        repeat {
            elements.append(try value(depth: depth + 1))
        } while try !isAtClose(UInt8(ascii: "]"))
        return .array(elements)
    }

    /// Reads what follows a member or an element: `true` after the bracket
    /// that closes the container (a comma before it is Foundation's leniency),
    /// `false` after a comma that another member or element follows.
    private mutating func isAtClose(_ bracket: UInt8) throws(JSONValue.ParseError) -> Bool {
        skipWhitespace()
        guard let separator = next, separator == UInt8(ascii: ",") || separator == bracket else { throw .init() }
        position += 1
        guard separator == UInt8(ascii: ",") else { return true }
        skipWhitespace()
        guard next == bracket else { return false }
        position += 1
        return true
    }

    /// A string literal; `position` is at its opening quote.
    private mutating func string() throws(JSONValue.ParseError) -> String {
        position += 1
        var text: [UInt8] = []
        while true {
            guard let byte = next else { throw .init() }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: text, as: UTF8.self) else { throw .init() }
                return string
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case 0x00..<0x20:
                throw .init()
            default:
                text.append(byte)
            }
        }
    }

    /// The character of an escape sequence, after its backslash, as UTF-8.
    private mutating func escape(into text: inout [UInt8]) throws(JSONValue.ParseError) {
        guard let byte = next else { throw .init() }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(scalarValue) {
                // A high surrogate must be followed by the escape of a low one.
                try literal("\\u")
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw .init() }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw .init() }
            text += Array(String(Character(scalar)).utf8)
        default:
            throw .init()
        }
    }

    private mutating func hexQuad() throws(JSONValue.ParseError) -> UInt16 {
        guard bytes.count - position >= 4 else { throw .init() }
        var value: UInt16 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .init()
            }
            value = value << 4 | UInt16(digit)
        }
        position += 4
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(JSONValue.ParseError) -> JSONValue {
        let start = position
        if next == UInt8(ascii: "-") { position += 1 }
        if next == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw .init() }
        }
        var isWhole = true
        if next == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw .init() }
            isWhole = false
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            position += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw .init() }
            isWhole = false
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isWhole, let integer = Int(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else { throw .init() }
        if number == number.rounded(), let integer = Int(exactly: number) { return .integer(integer) }
        return .number(number)
    }

    /// How many digits follow.
    private mutating func digits() -> Int {
        let start = position
        while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }
}
