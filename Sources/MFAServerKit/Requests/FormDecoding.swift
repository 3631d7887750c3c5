import MFACore

/// Reads `application/x-www-form-urlencoded` bodies, as HTML forms post them.
enum FormDecoding {
    /// The fields of `body`. A name given twice keeps its last value.
    ///
    /// - Throws: ``MFAError/malformedRequest(_:)`` for a broken percent-encoding or bytes that are not UTF-8.
    static func fields(of body: [UInt8]) throws(MFAError) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            fields[name] = parts.count == 2 ? try decode(parts[1]) : ""
        }
        return fields
    }

    private static func decode(_ encoded: ArraySlice<UInt8>) throws(MFAError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < encoded.endIndex, let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) else {
                    throw malformed
                }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw malformed }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let malformed = MFAError.malformedRequest("The form data is not valid.")
}
