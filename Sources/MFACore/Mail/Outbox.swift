import Foundation
import MFAFormats

/// Seals messages for the store's outbox and opens them for delivery.
///
/// A queued message's body holds a one-time link, which is as good as a
/// password until it expires, so the store only ever sees it sealed.
struct Outbox: Sendable {
    let sealer: Sealer
    let random: any RandomSource

    func queue(_ message: MailMessage, now: Date, expiresAt: Date? = nil) -> QueuedMail {
        let id = random.uuidString()
        // Encoding a struct of three strings cannot fail.
        let json = try! JSONText.encode(message)
        return QueuedMail(id: id, sealedMessage: sealer.seal(Array(json), for: .mail, context: id), notBefore: now, expiresAt: expiresAt)
    }

    func open(_ mail: QueuedMail) throws -> MailMessage {
        let json = try sealer.open(mail.sealedMessage, for: .mail, context: mail.id)
        return try JSONDecoder().decode(MailMessage.self, from: Data(json))
    }
}
