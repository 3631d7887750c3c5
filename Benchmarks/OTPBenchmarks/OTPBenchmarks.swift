import Benchmark
import Crypto
import Foundation
import MFAOTP

/// TOTP's costs next to the HMAC they are built on, in one run, so that the
/// ratio "wrong code verified over three steps / one pre-keyed HMAC-SHA1" holds
/// whatever the machine's speed. The target is at most 3.5.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    let key = Array("12345678901234567890".utf8)
    let totp = try! TOTP(key: key)
    let now = Date(timeIntervalSince1970: 1_234_567_890)
    let rightCode = totp.code(at: now)
    let windowCodes = Set((-1...1).map { totp.code(timeStep: UInt64(Int(totp.timeStep(at: now)) + $0)) })
    let wrongCode = (0..<1_000_000).lazy.map { String(format: "%06d", $0) }.first { !windowCodes.contains($0) }!

    Benchmark("TOTP generate") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(totp.code(at: now))
        }
    }

    Benchmark("TOTP verify right code") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(totp.verify(rightCode, at: now))
        }
    }

    Benchmark("TOTP verify wrong code") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(totp.verify(wrongCode, at: now))
        }
    }

    // The floor: one HMAC-SHA1 of an 8-byte counter from a state keyed once.
    Benchmark("HMAC-SHA1 pre-keyed") { benchmark in
        let keyed = HMAC<Insecure.SHA1>(key: SymmetricKey(data: key))
        let counter: [UInt8] = [0, 0, 0, 0, 0x02, 0x73, 0xEF, 0x07]
        for _ in benchmark.scaledIterations {
            var hmac = keyed
            hmac.update(data: counter)
            blackHole(hmac.finalize())
        }
    }

    // What a verifier that keys the HMAC for every step pays per step.
    Benchmark("HMAC-SHA1 authenticationCode") { benchmark in
        let symmetricKey = SymmetricKey(data: key)
        let counter: [UInt8] = [0, 0, 0, 0, 0x02, 0x73, 0xEF, 0x07]
        for _ in benchmark.scaledIterations {
            blackHole(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: symmetricKey))
        }
    }
}
