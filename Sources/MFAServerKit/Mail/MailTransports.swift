import Logging
import MFACore

/// Chooses the mail transport that `MFA_MAIL_URL` names.
enum MailTransports {
    static func make(for destination: MailDestination, sender: String, logger: Logger) throws(SettingError) -> any MailTransport {
        switch destination {
        case .directory(let path):
            do {
                let transport = try DirectoryMailTransport(directory: path, sender: sender, logger: logger)
                logger.info("Mail is written to files", metadata: ["outbox": .string(path)])
                return transport
            } catch {
                throw SettingError(.mailURL, "cannot create the outbox directory \(path)")
            }
        case .log:
            logger.warning("Mail is written to this log, one-time links included: for development only")
            return LogMailTransport(logger: logger)
        case .smtp:
            // TODO(server branch): use MFAMail's SMTP transport once the mail branch is merged.
            throw SettingError(.mailURL, "smtp:// is not available in this build yet")
        }
    }
}
