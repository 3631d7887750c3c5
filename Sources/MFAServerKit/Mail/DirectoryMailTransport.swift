import Foundation
import Logging
import MFACore

/// Writes each message as an `.eml` file into a directory, for development
/// and for mail picked up by another program.
///
/// The files hold one-time links, so the directory is created with mode 0700
/// and each file with 0600; a file appears complete or not at all (written
/// under a hidden temporary name, then renamed).
struct DirectoryMailTransport: MailTransport {
    let directory: String
    let sender: String
    let logger: Logger

    init(directory: String, sender: String, logger: Logger) throws {
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
        }
        self.directory = directory
        self.sender = sender
        self.logger = logger
    }

    func send(_ message: MailMessage) async throws {
        let now = Date()
        let id = UUID().uuidString.lowercased()
        let name = "\(Self.format(now, "yyyyMMdd'T'HHmmss'Z'"))-\(id).eml"
        let path = "\(directory)/\(name)"
        let temporary = "\(directory)/.\(name).tmp"
        let text = """
            From: \(sender)\r
            To: \(message.recipient)\r
            Subject: \(Self.encodedWord(message.subject))\r
            Date: \(Self.format(now, "EEE, dd MMM yyyy HH:mm:ss Z"))\r
            Message-ID: <\(id)@mfa-server>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(message.textBody.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))\r

            """
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MailDeliveryError.transient("cannot write \(path)")
        }
        logger.info("Mail written", metadata: ["path": .string(path)])
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// RFC 2047 encoding for a subject that is not plain ASCII.
    private static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}

/// Writes each message, links included, to the log: for development only.
struct LogMailTransport: MailTransport {
    let logger: Logger

    func send(_ message: MailMessage) async throws {
        logger.info("Mail to \(message.recipient): \(message.subject)\n\(message.textBody)")
    }
}
