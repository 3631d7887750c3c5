// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "mfa",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MFACore", targets: ["MFACore"]),
        .library(name: "MFASQLite", targets: ["MFASQLite"]),
        .library(name: "MFAStoreConformance", targets: ["MFAStoreConformance"]),
        .executable(name: "mfa-server", targets: ["MFAServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .target(
            name: "MFACore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            resources: [
                .copy("Resources/common-passwords.txt"),
                .copy("Resources/common-passwords.LICENSE"),
            ]
        ),
        .target(
            name: "MFASQLite",
            dependencies: ["MFACore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "MFAStoreConformance", dependencies: ["MFACore"]),
        .executableTarget(
            name: "SQLiteCrashWriter",
            dependencies: ["MFACore", "MFASQLite"],
            path: "Tests/SQLiteCrashWriter"
        ),
        .testTarget(
            name: "MFASQLiteTests",
            dependencies: [
                "MFACore", "MFASQLite", "MFAStoreConformance", "SQLiteCrashWriter",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "MFACoreTests",
            dependencies: [
                "MFACore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "MFAStoreConformanceTests", dependencies: ["MFACore", "MFAStoreConformance"]),
        .target(
            name: "MFAServerKit",
            dependencies: [
                "MFACore", "MFASQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "MFAServer", dependencies: ["MFAServerKit"]),
        .testTarget(
            name: "MFAServerTests",
            dependencies: [
                "MFACore", "MFAServerKit", "MFAServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
