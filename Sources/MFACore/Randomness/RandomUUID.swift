extension RandomSource {
    /// A random version 4 UUID in lowercase, for ids of accounts and queued mail:
    /// the text Foundation's `UUID.uuidString.lowercased()` gives, without its
    /// formatting (ids are drawn for every link request).
    func uuidString() -> String {
        var bytes = self.bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return [bytes[0..<4], bytes[4..<6], bytes[6..<8], bytes[8..<10], bytes[10..<16]]
            .map(\.hexString).joined(separator: "-")
    }
}
