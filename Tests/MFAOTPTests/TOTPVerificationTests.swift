import Foundation
import MFAOTP
import PropertyBased
import Testing

@Suite struct TOTPVerificationTests {
    let totp: TOTP
    let now = Date(timeIntervalSince1970: 1_234_567_890)
    let currentStep: UInt64

    init() throws {
        totp = try TOTP(key: Array("12345678901234567890".utf8))
        currentStep = totp.timeStep(at: now)
    }

    @Test(arguments: [-1, 0, 1])
    func acceptsTheCodesOfTheDefaultWindowAndReturnsTheirStep(offset: Int) {
        let step = UInt64(Int(currentStep) + offset)
        #expect(totp.verify(totp.code(timeStep: step), at: now) == step)
    }

    @Test(arguments: [-3, -2, 2, 3])
    func refusesCodesOutsideTheDefaultWindow(offset: Int) {
        let step = UInt64(Int(currentStep) + offset)
        #expect(totp.verify(totp.code(timeStep: step), at: now) == nil)
    }

    @Test func honoursAConfiguredWindow() {
        let older = totp.code(timeStep: currentStep - 2)
        #expect(totp.verify(older, at: now, window: -2...0) == currentStep - 2)
        #expect(totp.verify(totp.code(timeStep: currentStep - 1), at: now, window: 0...0) == nil)
        #expect(totp.verify(totp.code(timeStep: currentStep), at: now, window: 0...0) == currentStep)
    }

    @Test func checksAtTheEdgesOfAStep() {
        let startOfStep = Date(timeIntervalSince1970: TimeInterval(currentStep * 30))
        let endOfStep = startOfStep.addingTimeInterval(29.999)
        let code = totp.code(timeStep: currentStep + 1)
        #expect(totp.verify(code, at: endOfStep) == currentStep + 1)
        #expect(totp.verify(code, at: startOfStep) == currentStep + 1)
        #expect(totp.verify(code, at: startOfStep.addingTimeInterval(-0.001)) == nil)
    }

    @Test func refusesCodesOfTheWrongShape() {
        let code = totp.code(at: now)
        for wrong in ["", String(code.dropLast()), code + "0", " " + code, code + " ", "１２３４５６", "12345a", "-12345"] {
            #expect(totp.verify(wrong, at: now) == nil, "\(wrong)")
        }
    }

    @Test func refusesAWrongCode() {
        let window = (currentStep - 1)...(currentStep + 1)
        let used = Set(window.map { totp.code(timeStep: $0) })
        let wrong = (0..<1_000_000).lazy.map { String(format: "%06d", $0) }.first { !used.contains($0) }!
        #expect(totp.verify(wrong, at: now) == nil)
    }

    @Test func ignoresWindowStepsBeforeTheEpoch() throws {
        let epoch = Date(timeIntervalSince1970: 0)
        #expect(totp.verify(totp.code(timeStep: 0), at: epoch, window: -5...0) == 0)
        #expect(totp.verify(totp.code(timeStep: 1), at: epoch) == 1)
    }

    @Test func aCodeGeneratedAtATimeVerifiesAtThatTime() async {
        let keys = Gen.uint8().array(of: 1...64)
        let times = Gen.int64(in: 0...40_000_000_000)
        await propertyCheck(
            count: 300, input: keys, Gen<OTPAlgorithm>.case, Gen.int(in: 6...8), Gen.int(in: 1...120), times
        ) { key, algorithm, digits, period, time in
            let totp = try TOTP(key: key, algorithm: algorithm, digits: digits, period: period)
            let date = Date(timeIntervalSince1970: TimeInterval(time))
            #expect(totp.verify(totp.code(at: date), at: date) == totp.timeStep(at: date))
        }
    }
}
