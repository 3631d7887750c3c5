import Foundation
import MFACore
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
        #expect(loaded.bytes == created.bytes)
    }

    @Test func aKeyOfTheWrongLengthIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/secret.key"
        try Data(repeating: 7, count: 31).write(to: URL(fileURLWithPath: path))
        #expect(throws: SettingError(.secretKeyFile, "\(path) must hold exactly 32 bytes, not 31")) {
            try SecretKeyFile.load(from: path)
        }
    }
}
