import Benchmark
import MFACore

/// One password hash per iteration with the configurations MFACore offers, so
/// that Argon2id can be compared with libargon2 (`argon2-reference.sh`) and scrypt.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResidentDelta, .mallocCountTotal, .mallocBytesCount],
        warmupIterations: 2,
        maxDuration: .seconds(10),
        maxIterations: 50
    )
    let password = "correct horse battery staple"
    let salt = Array("somesaltsomesalt".utf8)

    Benchmark("Argon2id m=19456 t=2 p=1", configuration: configuration) { benchmark in
        let hasher = PHCPasswordHasher(scheme: .argon2id(.owaspRecommended))
        for _ in benchmark.scaledIterations {
            blackHole(try hasher.hash(password, salt: salt))
        }
    }

    Benchmark("scrypt N=2^17 r=8 p=1", configuration: configuration) { benchmark in
        let hasher = PHCPasswordHasher(scheme: .scrypt(.owaspRecommended))
        for _ in benchmark.scaledIterations {
            blackHole(try hasher.hash(password, salt: salt))
        }
    }
}
