/// The text form of a one-time password: a fixed number of ASCII digits,
/// zero-padded, so that `012345` keeps its leading zero.
enum DecimalCode {
    /// `value` (below 10^digits) as exactly `digits` ASCII digits.
    static func string(_ value: UInt32, digits: Int) -> String {
        String(unsafeUninitializedCapacity: digits) { buffer in
            var remaining = value
            for index in stride(from: digits - 1, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            return digits
        }
    }

    /// The number `code` spells, or `nil` unless it is exactly `digits` (at most
    /// 9) ASCII digits. Only the submitted code's shape decides, never the
    /// expected code, so refusing early reveals nothing secret.
    static func value(of code: String, digits: Int) -> UInt32? {
        guard code.utf8.count == digits else { return nil }
        var value: UInt32 = 0
        for byte in code.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
