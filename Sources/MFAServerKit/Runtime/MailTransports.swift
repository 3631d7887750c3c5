import Logging
import MFACore
import MFAMail

/// Makes the mail transport that `MFA_MAIL_URL` names, and says where mail goes.
enum MailTransports {
    static func make(for destination: MailDestination, sender: Mailbox, logger: Logger) throws(SettingError) -> any MailTransport {
        switch destination {
        case .directory(let path):
            do {
                let transport = try FileMailTransport(directory: path, sender: sender, logger: logger)
                logger.info("Mail is written to files", metadata: ["outbox": .string(path)])
                return transport
            } catch {
                throw SettingError(.mailURL, "cannot create the outbox directory \(path)")
            }
        case .log:
            logger.warning("Mail is written to this log, one-time links included: for development only")
            return LogMailTransport(logger: logger)
        case .smtp(let configuration):
            do {
                let transport = try SMTPMailTransport(configuration: configuration)
                logger.info("Mail is sent by SMTP", metadata: [
                    "smtp.server": .string("\(configuration.host):\(configuration.port)"),
                    "smtp.security": .string(configuration.security.rawValue),
                ])
                return transport
            } catch {
                throw SettingError(.mailURL, error.description)
            }
        }
    }
}
