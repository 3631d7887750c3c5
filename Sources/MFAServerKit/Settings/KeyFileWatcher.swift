import Foundation
import MFACore
import Synchronization

/// The server's keys, read from the key file and read again when
/// `mfa-server rotate-key` rewrites it.
///
/// The file's identity (inode, size, modification time) is checked at most
/// once a second, and at once when a sealed value names a key id the ring
/// lacks. A file that cannot be read keeps the last good ring in use, and is
/// reported once per change.
public final class KeyFileWatcher: KeyRingSource {
    private struct State {
        var ring: KeyRing
        var stamp: FileStamp?
        var checkedAt: ContinuousClock.Instant
    }

    private struct FileStamp: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: timespec

        static func == (a: FileStamp, b: FileStamp) -> Bool {
            a.inode == b.inode && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// The key file.
    public let path: String
    private let state: Mutex<State>
    private let onReload: @Sendable (Result<KeyRing, SettingError>) -> Void
    static let checkInterval = Duration.seconds(1)

    /// Watches `path`, starting from `ring` as read from it at start.
    ///
    /// - Parameter onReload: told each time the file changed: the new ring, or why it could not be read.
    public init(path: String, ring: KeyRing, onReload: @escaping @Sendable (Result<KeyRing, SettingError>) -> Void = { _ in }) {
        self.path = path
        self.onReload = onReload
        state = Mutex(State(ring: ring, stamp: Self.stamp(of: path), checkedAt: .now))
    }

    public func keyRing() -> KeyRing { refresh(force: false) }

    public func keyRingAfterUnknownKeyID() -> KeyRing { refresh(force: true) }

    private func refresh(force: Bool) -> KeyRing {
        let (ring, outcome) = state.withLock { state -> (KeyRing, Result<KeyRing, SettingError>?) in
            let now = ContinuousClock.now
            guard force || now - state.checkedAt >= Self.checkInterval else { return (state.ring, nil) }
            state.checkedAt = now
            let stamp = Self.stamp(of: path)
            guard stamp != state.stamp else { return (state.ring, nil) }
            state.stamp = stamp
            let read = Result { () throws(SettingError) in try SecretKeyFile.read(path) }
            if case .success(let ring) = read { state.ring = ring }
            return (state.ring, read)
        }
        if let outcome { onReload(outcome) }
        return ring
    }

    private static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return FileStamp(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: modified)
    }
}
