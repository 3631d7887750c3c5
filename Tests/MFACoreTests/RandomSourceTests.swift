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
}
