import Foundation

/// Seals messages for the store's outbox and opens them for delivery.
///
/// A queued message's body holds a one-time link, which is as good as a
/// password until it expires, so the store only ever sees it sealed.
struct Outbox: Sendable {
    let key: SecretKey
    let random: any RandomSource

    func queue(_ message: MailMessage, now: Date, expiresAt: Date? = nil) -> QueuedMail {
        let id = UUID(uuid: random.uuidBytes()).uuidString.lowercased()
        // Encoding a struct of three strings cannot fail.
        let json = try! JSONEncoder().encode(message)
        return QueuedMail(id: id, sealedMessage: key.seal(Array(json), context: id), notBefore: now, expiresAt: expiresAt)
    }

    func open(_ mail: QueuedMail) throws -> MailMessage {
        let json = try key.open(mail.sealedMessage, context: mail.id)
        return try JSONDecoder().decode(MailMessage.self, from: Data(json))
    }
}

extension RandomSource {
    /// Sixteen random bytes shaped as a version 4 UUID.
    func uuidBytes() -> uuid_t {
        var bytes = self.bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15])
    }
}
