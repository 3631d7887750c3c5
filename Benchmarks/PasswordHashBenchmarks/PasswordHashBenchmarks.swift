import Benchmark
import MFAPasswords

/// One password hash per iteration with the configurations MFACore offers, so
/// that Argon2id can be compared with libargon2 (`argon2-reference.sh`) and scrypt.
let benchmarks: @Sendable () -> Void = {
    // Memory per hash is `mallocBytesCount`. The resident-peak delta would mislead:
    // glibc keeps a freed 19 MiB Argon2 matrix in its heap for the next hash, so
    // the delta over the (warmed-up) baseline reads about 1 MiB; the process peak
    // is shown instead, and argon2-reference.sh measures one hash per process.
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .mallocBytesCount],
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
