import Foundation
@testable import MFACore
import MFACoreTesting
import Testing

@Suite struct RandomUUIDTests {
    /// The id is Foundation's lowercase text of the same sixteen bytes, version 4 and variant bits set.
    @Test(arguments: 0..<50)
    func anIdIsTheVersion4UUIDOfItsBytesAsFoundationWritesIt(seed: UInt64) throws {
        var bytes = SeededRandomSource(seed: seed).bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let foundation = UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
        let id = SeededRandomSource(seed: seed).uuidString()
        #expect(id == foundation.uuidString.lowercased())
        #expect(id.utf8.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(id[id.index(id.startIndex, offsetBy: 14)] == "4")
        #expect("89ab".contains(id[id.index(id.startIndex, offsetBy: 19)]))
    }
}
