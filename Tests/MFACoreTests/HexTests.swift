import Foundation
@testable import MFACore
import Testing

@Suite struct HexTests {
    @Test func everyByteIsTwoLowercaseDigitsAsPrintfWritesThem() {
        let bytes = (0...255).map(UInt8.init)
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
    }
}
