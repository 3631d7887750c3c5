import MFACore
import Testing
import MFACoreTesting

@Suite struct RandomSourceTests {
    @Test func seededSourceRepeatsForTheSameSeed() {
        #expect(SeededRandomSource(seed: 7).bytes(count: 32) == SeededRandomSource(seed: 7).bytes(count: 32))
        #expect(SeededRandomSource(seed: 7).bytes(count: 32) != SeededRandomSource(seed: 8).bytes(count: 32))
    }

    @Test func systemSourceDoesNotRepeat() {
        let source = SystemRandomSource()
        #expect(source.bytes(count: 32).count == 32)
        #expect(source.bytes(count: 32) != source.bytes(count: 32))
    }

    @Test(arguments: [0, 1, 7, 300, 4096])
    func systemSourceFillsEveryByteOfAnySize(count: Int) {
        let bytes = SystemRandomSource().bytes(count: count)
        #expect(bytes.count == count)
        // 4096 uniform bytes miss one of the 256 values with odds of about 2^-15000.
        if count == 4096 { #expect(Set(bytes).count == 256) }
        // The bytes past the last whole eight are random too.
        if count == 300 { #expect(bytes.suffix(44) != Array(repeating: 0, count: 44)) }
    }
}
