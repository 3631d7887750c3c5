import Foundation

extension RandomSource {
    /// A random version 4 UUID in lowercase, for ids of accounts and queued mail.
    func uuidString() -> String {
        UUID(uuid: uuidBytes()).uuidString.lowercased()
    }

    /// Sixteen random bytes shaped as a version 4 UUID.
    func uuidBytes() -> uuid_t {
        var bytes = self.bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15])
    }
}
