// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that MFACore's users never resolve the
// benchmark tooling. Run: `swift package benchmark` (release build) from this directory.
let package = Package(
    name: "mfa-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "mfa", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PasswordHashBenchmarks",
            dependencies: [
                .product(name: "MFACore", package: "mfa"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "PasswordHashBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Not a benchmark: one hash per process, for argon2-reference.sh to compare with libargon2's tool.
        .executableTarget(
            name: "Argon2idHash",
            dependencies: [.product(name: "MFACore", package: "mfa")],
            path: "Tools/Argon2idHash"
        ),
    ],
    swiftLanguageModes: [.v6]
)
