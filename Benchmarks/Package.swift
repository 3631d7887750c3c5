// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the main build never pays for
// ordo-one/benchmark. Each executable target with the benchmark plugin, in a
// folder directly below this one, is a suite that `swift package benchmark` runs.
let package = Package(
    name: "MFABenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "mfa", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "OTPBenchmarks",
            dependencies: [
                .product(name: "MFAOTP", package: "mfa"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "OTPBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        .executableTarget(
            name: "PasswordHashBenchmarks",
            dependencies: [
                .product(name: "MFAPasswords", package: "mfa"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "PasswordHashBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                .product(name: "MFACore", package: "mfa"),
                .product(name: "MFASQLite", package: "mfa"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "StoreBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Not a benchmark: one hash per process, for argon2-reference.sh to compare with libargon2's tool.
        .executableTarget(
            name: "Argon2idHash",
            dependencies: [.product(name: "MFAPasswords", package: "mfa")],
            path: "Tools/Argon2idHash"
        ),
        // Not a benchmark: POST /users/login/'s floor on this store (Docs/Performance.md).
        .executableTarget(
            name: "DurableRoute",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MFACore", package: "mfa"),
                .product(name: "MFASQLite", package: "mfa"),
            ],
            path: "Tools/DurableRoute"
        ),
        // Not a benchmark: the bare Hummingbird route that load/run.sh measures mfa-server against.
        .executableTarget(
            name: "BareRoute",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Tools/BareRoute"
        ),
    ],
    swiftLanguageModes: [.v6]
)
