/// One email, as MFACore words it.
///
/// Every transport sends exactly these words: the sender address and the MIME
/// framing belong to the transport, the recipient, subject and text to MFACore.
public struct MailMessage: Sendable, Hashable, Codable {
    /// The recipient's address.
    public var recipient: String
    /// The subject line, in plain Unicode.
    public var subject: String
    /// The plain-text body. A link, when there is one, stands alone on its own line.
    public var textBody: String

    /// Creates a message.
    public init(recipient: String, subject: String, textBody: String) {
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
    }
}
