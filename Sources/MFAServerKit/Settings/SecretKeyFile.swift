import Foundation
import MFACore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file that holds the server's keys: one or more 32-byte raw keys, the
/// current key first. A file of exactly 32 bytes (the format before key
/// rotation) is a ring of one key.
public enum SecretKeyFile {
    /// What ``load(from:)`` found.
    public enum Outcome: Sendable {
        /// The keys were read from the existing file.
        case loaded(KeyRing)
        /// The file did not exist; a new key was written to it with mode 0600.
        case created(KeyRing)

        /// The keys, however they came.
        public var keys: KeyRing {
            switch self {
            case .loaded(let keys), .created(let keys): keys
            }
        }
    }

    /// Reads the keys at `path`, or creates the file (and its directory, mode
    /// 0700) with a new random key when it does not exist.
    ///
    /// The file is created with `O_EXCL` and mode 0600, so two servers
    /// starting at once cannot both write a key, and no other user can read it
    /// at any moment.
    ///
    /// - Throws: ``SettingError`` naming `MFA_SECRET_KEY_FILE` when the file
    ///   cannot be read or created, or its length is not a multiple of 32 bytes.
    public static func load(from path: String) throws(SettingError) -> Outcome {
        if FileManager.default.fileExists(atPath: path) {
            return .loaded(try read(path))
        }
        try createDirectory(of: path)
        let keys = KeyRing(current: .generate())
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // Another process created it first: use its key.
            if errno == EEXIST { return .loaded(try read(path)) }
            throw failure("cannot create \(path)")
        }
        defer { close(descriptor) }
        guard writeAll(keys, to: descriptor) else {
            let error = failure("cannot write \(path)")
            unlink(path)
            throw error
        }
        return .created(keys)
    }

    /// Reads the keys at `path`.
    ///
    /// - Throws: ``SettingError`` when the file cannot be read or its length is not a multiple of 32 bytes.
    public static func read(_ path: String) throws(SettingError) -> KeyRing {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingError(.secretKeyFile, "cannot read \(path)")
        }
        let bytes = [UInt8](data)
        guard !bytes.isEmpty, bytes.count % SecretKey.byteCount == 0 else {
            throw SettingError(.secretKeyFile, "\(path) must hold one or more 32-byte keys, not \(bytes.count) bytes")
        }
        // Each slice is 32 bytes by construction.
        let keys = stride(from: 0, to: bytes.count, by: SecretKey.byteCount).map {
            try! SecretKey(bytes: Array(bytes[$0..<$0 + SecretKey.byteCount]))
        }
        return KeyRing(current: keys[0], older: Array(keys.dropFirst()))
    }

    /// Replaces the file at `path` with `keys`, atomically: a reader sees the
    /// old file or the new one, never a part. The new file has mode 0600.
    ///
    /// - Throws: ``SettingError`` when the file cannot be written.
    public static func save(_ keys: KeyRing, to path: String) throws(SettingError) {
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        let written = writeAll(keys, to: descriptor)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let error = failure("cannot replace \(path)")
            unlink(temporary)
            throw error
        }
        syncDirectory(of: path)
    }

    private static func writeAll(_ keys: KeyRing, to descriptor: Int32) -> Bool {
        let bytes = keys.keys.flatMap(\.bytes)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return written == bytes.count && fsync(descriptor) == 0
    }

    /// Makes a rename durable.
    private static func syncDirectory(of path: String) {
        let directory = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { return }
        fsync(directory)
        close(directory)
    }

    private static func createDirectory(of path: String) throws(SettingError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw SettingError(.secretKeyFile, "cannot create the directory \(directory)")
        }
    }

    private static func failure(_ what: String) -> SettingError {
        SettingError(.secretKeyFile, "\(what): \(String(cString: strerror(errno)))")
    }
}
