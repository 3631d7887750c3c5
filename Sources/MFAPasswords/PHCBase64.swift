/// The PHC string format's base64: the standard alphabet (`A–Z a–z 0–9 + /`)
/// without `=` padding.
///
/// Decoding is strict — no padding, no whitespace, no stray bits in the last
/// character — so that every accepted string re-encodes to itself.
enum PHCBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() {
            values[Int(character)] = UInt8(value)
        }
        return values
    }()

    /// Encodes `bytes` without padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var characters = [UInt8]()
        characters.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for byte in chunk {
                group = group << 8 | UInt32(byte)
            }
            group <<= 8 * UInt32(3 - chunk.count)
            for position in 0...chunk.count {
                characters.append(alphabet[Int(group >> (18 - 6 * UInt32(position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Decodes unpadded base64, or returns nil if `text` is not exactly that.
    static func decode(_ text: Substring) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 != 1 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count * 3 / 4)
        var index = 0
        while index < characters.count {
            let chunk = characters[index..<min(index + 4, characters.count)]
            var group: UInt32 = 0
            for character in chunk {
                let value = values[Int(character)]
                guard value != 0xFF else { return nil }
                group = group << 6 | UInt32(value)
            }
            let byteCount = chunk.count - 1
            let unusedBits = UInt32(6 * chunk.count - 8 * byteCount)
            guard group & ((1 << unusedBits) - 1) == 0 else { return nil }
            group >>= unusedBits
            for position in (0..<byteCount).reversed() {
                bytes.append(UInt8(truncatingIfNeeded: group >> (8 * UInt32(position))))
            }
            index += 4
        }
        return bytes
    }
}
