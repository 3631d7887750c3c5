import Foundation
import MFACore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file that holds the server's ``SecretKey``: exactly 32 raw bytes.
public enum SecretKeyFile {
    /// What ``load(from:)`` found.
    public enum Outcome: Sendable {
        /// The key was read from the existing file.
        case loaded(SecretKey)
        /// The file did not exist; a new key was written to it with mode 0600.
        case created(SecretKey)

        /// The key, however it came.
        public var key: SecretKey {
            switch self {
            case .loaded(let key), .created(let key): key
            }
        }
    }

    /// Reads the key at `path`, or creates the file (and its directory, mode
    /// 0700) with a new random key when it does not exist.
    ///
    /// The file is created with `O_EXCL` and mode 0600, so two servers
    /// starting at once cannot both write a key, and no other user can read it
    /// at any moment.
    ///
    /// - Throws: ``SettingError`` naming `MFA_SECRET_KEY_FILE` when the file
    ///   cannot be read or created, or does not hold exactly 32 bytes.
    public static func load(from path: String) throws(SettingError) -> Outcome {
        if FileManager.default.fileExists(atPath: path) {
            return .loaded(try read(path))
        }
        try createDirectory(of: path)
        let key = SecretKey.generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // Another process created it first: use its key.
            if errno == EEXIST { return .loaded(try read(path)) }
            throw failure("cannot create \(path)")
        }
        defer { close(descriptor) }
        let bytes = key.bytes
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            let error = failure("cannot write \(path)")
            unlink(path)
            throw error
        }
        return .created(key)
    }

    private static func read(_ path: String) throws(SettingError) -> SecretKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingError(.secretKeyFile, "cannot read \(path)")
        }
        do {
            return try SecretKey(bytes: data)
        } catch {
            throw SettingError(.secretKeyFile, "\(path) must hold exactly 32 bytes, not \(data.count)")
        }
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
