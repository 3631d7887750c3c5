import Foundation
import Logging
import MFACore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each message as an `.eml` file into a directory instead of sending it.
///
/// For development and for servers whose mail is picked up by another program.
/// The files hold the one-time links in clear text, so only the owner can read
/// them: a directory this transport creates gets mode 0700 and every file 0600.
/// A file appears complete or not at all (written under a temporary name, flushed
/// to disk, then renamed), so a program watching the directory never reads half a
/// message. Names sort by time: `20261119T100000Z-<message id>.eml`.
public struct FileMailTransport: MailTransport {
    /// The directory the files go to.
    public let directory: String
    /// The mailbox in each message's `From` header.
    public let sender: Mailbox
    private let logger: Logger?

    /// Creates the transport, and the directory with mode 0700 when it does not exist yet.
    ///
    /// - Parameters:
    ///   - directory: Where the files go.
    ///   - sender: The mailbox in each message's `From` header.
    ///   - logger: Where to log the path of each file written, if anywhere.
    /// - Throws: The file system's error when the directory cannot be created.
    public init(directory: String, sender: Mailbox, logger: Logger? = nil) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            // The process's umask may have taken bits away, never added them; set exactly 0700.
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        }
        self.directory = directory
        self.sender = sender
        self.logger = logger
    }

    /// Writes `message` to a new file and returns the file's path.
    ///
    /// - Throws: ``MFACore/MailDeliveryError/permanent(_:)`` when the message cannot be
    ///   framed, ``MFACore/MailDeliveryError/transient(_:)`` when the file cannot be written.
    @discardableResult
    public func write(_ message: MailMessage) throws(MailDeliveryError) -> String {
        let mime: MIMEMessage
        do {
            mime = try MIMEMessage(message, from: sender)
        } catch {
            throw .permanent(error.description)
        }
        let name = "\(Self.timestamp(mime.date))-\(mime.messageID.prefix { $0 != "@" }).eml"
        let path = "\(directory)/\(name)"
        let temporary = "\(directory)/.\(name).tmp"
        do {
            try writeNewFile(atPath: temporary, bytes: mime.rendered())
            guard rename(temporary, path) == 0 else { throw POSIXFailure(operation: "rename") }
        } catch {
            unlink(temporary)
            throw .transient("could not write \(path): \(error)")
        }
        logger?.info("Wrote mail", metadata: ["path": "\(path)"])
        return path
    }

    /// Writes `message` to a new file, on SwiftNIO's thread pool: the write
    /// ends with an fsync, which must not hold up a thread that serves requests.
    public func send(_ message: MailMessage) async throws {
        _ = try await NIOThreadPool.singleton.runIfActive { try write(message) }
    }

    private static func timestamp(_ date: Date) -> String {
        let parts = Calendar.gregorianUTC.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }
}

/// Creates the file at `path` with mode 0600, fails if it exists, and flushes it to disk.
private func writeNewFile(atPath path: String, bytes: [UInt8]) throws(POSIXFailure) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXFailure(operation: "open") }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written < 0 {
            guard errno == EINTR else { throw POSIXFailure(operation: "write") }
            continue
        }
        offset += written
    }
    guard fsync(descriptor) == 0 else { throw POSIXFailure(operation: "fsync") }
}

/// A failed system call and the `errno` it left.
private struct POSIXFailure: Error, CustomStringConvertible {
    let operation: String
    let code = errno

    var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
}
