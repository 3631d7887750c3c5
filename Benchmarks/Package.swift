// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the main build never pays for
// ordo-one/benchmark. Each executable target in a folder directly below this
// one is a benchmark suite the `benchmark` plugin finds and runs.
let package = Package(
    name: "MFABenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "mfa", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "OTPBenchmarks",
            dependencies: [
                .product(name: "MFACore", package: "mfa"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "OTPBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
