import Foundation
import MFACore
import Synchronization
import Testing
@testable import MFAServerKit

@Suite struct SecretKeyFileTests {
    @Test func aMissingKeyIsCreatedWithMode0600AndReadBackTheSame() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/nested/secret.key"
        guard case .created(let created) = try SecretKeyFile.load(from: path) else {
            Issue.record("the key was not created")
            return
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
        guard case .loaded(let loaded) = try SecretKeyFile.load(from: path) else {
            Issue.record("the key was not read back")
            return
        }
        #expect(loaded.current.bytes == created.current.bytes && loaded.older.isEmpty)
    }

    @Test func aFileOfSeveralKeysIsARingWithTheFirstCurrent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/secret.key"
        let (new, old) = (SecretKey.generate(), SecretKey.generate())
        try SecretKeyFile.save(KeyRing(current: new, older: [old]), to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(new.bytes + old.bytes))
        let ring = try SecretKeyFile.read(path)
        #expect(ring.current.id == new.id && ring.older.map(\.id) == [old.id])
    }

    @Test func aFileThatIsNotWholeKeysIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/secret.key"
        for count in [0, 31, 33, 63] {
            try Data(repeating: 7, count: count).write(to: URL(fileURLWithPath: path))
            #expect(throws: SettingError(.secretKeyFile, "\(path) must hold one or more 32-byte keys, not \(count) bytes")) {
                try SecretKeyFile.load(from: path)
            }
        }
    }

    @Test func theWatcherFollowsTheFileAtMostOnceASecondOrAtOnceForAnUnknownKey() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/secret.key"
        let (first, second, third) = (SecretKey.generate(), SecretKey.generate(), SecretKey.generate())
        try SecretKeyFile.save(KeyRing(current: first), to: path)
        let reloads = Atomic(0)
        let watcher = KeyFileWatcher(path: path, ring: try SecretKeyFile.read(path)) { _ in reloads.add(1, ordering: .relaxed) }

        try SecretKeyFile.save(KeyRing(current: second, older: [first]), to: path)
        #expect(watcher.keyRing().current.id == first.id)  // checked less than a second ago
        #expect(watcher.keyRingAfterUnknownKeyID().current.id == second.id)
        try SecretKeyFile.save(KeyRing(current: third), to: path)
        try await Task.sleep(for: .milliseconds(1_100))
        #expect(watcher.keyRing().current.id == third.id)
        #expect(reloads.load(ordering: .relaxed) == 2)

        // A damaged file keeps the last good keys in use.
        try Data(repeating: 1, count: 5).write(to: URL(fileURLWithPath: path))
        #expect(watcher.keyRingAfterUnknownKeyID().current.id == third.id)
        #expect(reloads.load(ordering: .relaxed) == 3)
    }
}
