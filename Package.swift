// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "mfa",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MFAOTP", targets: ["MFAOTP"]),
        .library(name: "MFAPasswords", targets: ["MFAPasswords"]),
        .library(name: "MFACore", targets: ["MFACore"]),
        .library(name: "MFACoreTesting", targets: ["MFACoreTesting"]),
        .library(name: "MFASQLite", targets: ["MFASQLite"]),
        .library(name: "MFAPostgres", targets: ["MFAPostgres"]),
        .library(name: "MFAStoreConformance", targets: ["MFAStoreConformance"]),
        .library(name: "MFAPages", targets: ["MFAPages"]),
        .library(name: "MFAQRCode", targets: ["MFAQRCode"]),
        .library(name: "MFAMail", targets: ["MFAMail"]),
        .executable(name: "mfa-server", targets: ["MFAServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        // Hummingbird's own dependency, named for NIOHTTPTypes: the request deadline watches decoded request parts.
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // Random bytes, constant-time comparison and zeroing: the one home of what
        // both MFAOTP and MFAPasswords need. Not a product; they re-export its public part.
        .target(name: "MFASecureBytes"),
        .target(
            name: "MFAOTP",
            dependencies: ["MFASecureBytes", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "MFAPasswords",
            dependencies: [
                "MFASecureBytes",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                // bcrypt, verified only: the Python prototype's hashes until their first sign-in.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            resources: [
                .copy("Resources/common-passwords.txt"),
                .copy("Resources/common-passwords.LICENSE"),
            ]
        ),
        .target(
            name: "MFACore",
            dependencies: ["MFAOTP", "MFAPasswords", "MFAWebAuthn", "MFAFormats", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Test doubles for embedders' test targets; no production target depends on it.
        .target(name: "MFACoreTesting", dependencies: ["MFACore", "MFAOTP", "MFAPasswords", "MFASecureBytes"]),
        .target(
            name: "MFASQLite",
            dependencies: [
                "MFACore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The store on PostgreSQL: several servers on one database.
        .target(
            name: "MFAPostgres",
            dependencies: [
                "MFACore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "MFAStoreConformance", dependencies: ["MFACore"]),
        .target(
            name: "MFATestSupport", dependencies: ["MFACore", "MFAWebAuthn", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TestSupport", exclude: ["page_outline.py", "prototype_db.py", "passkey_client.py"]
        ),
        .executableTarget(
            name: "SQLiteCrashWriter",
            dependencies: ["MFACore", "MFASQLite"],
            path: "Tests/SQLiteCrashWriter"
        ),
        .testTarget(
            name: "MFASQLiteTests",
            dependencies: [
                "MFACore", "MFACoreTesting", "MFASQLite", "MFAStoreConformance", "MFATestSupport", "SQLiteCrashWriter",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "MFAOTPTests",
            dependencies: [
                "MFAOTP", "MFACoreTesting", "MFATestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MFAPasswordsTests",
            dependencies: [
                "MFAPasswords", "MFACoreTesting", "MFATestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MFACoreTests",
            dependencies: [
                "MFACore", "MFAOTP", "MFAPasswords", "MFACoreTesting", "MFATestSupport", "MFAWebAuthn",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "MFAStoreConformanceTests", dependencies: ["MFACore", "MFAStoreConformance", "MFATestSupport"]),
        .testTarget(
            name: "MFAPostgresTests",
            dependencies: [
                "MFACore", "MFAPostgres", "MFASQLite", "MFAStoreConformance", "MFATestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        // The one markup escaper and the one RFC 3339 formatter, shared by the QR code's SVG, the pages and the server.
        .target(name: "MFAFormats"),
        .target(name: "MFAQRCode", dependencies: ["MFAFormats"]),
        .testTarget(name: "MFAQRCodeTests", dependencies: ["MFAQRCode", "MFATestSupport"]),
        .target(name: "MFAPages", dependencies: ["MFACore", "MFAQRCode", "MFAFormats"]),
        // The pages as the server fills them (its form actions and problem wording) need MFAServerKit.
        .testTarget(
            name: "MFAPagesTests",
            dependencies: ["MFAPages", "MFAServerKit", "MFACore", "MFACoreTesting", "MFATestSupport"]
        ),
        .target(
            name: "MFAMail",
            dependencies: [
                "MFACore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MFAMailTests",
            dependencies: [
                "MFAMail",
                "MFASQLite",
                "MFACoreTesting",
                "MFATestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .target(
            name: "MFAServerKit",
            dependencies: [
                "MFACore", "MFASQLite", "MFAPostgres", "MFAMail", "MFAPages", "MFAFormats",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
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
                "MFACore", "MFACoreTesting", "MFATestSupport", "MFAServerKit", "MFAServer", "MFAWebAuthn", "MFAPostgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - MFAWebAuthn: the passkey (WebAuthn) relying-party verifier, standalone (no MFACore); MFACore's passkey workflows use it.
package.dependencies += [
    .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
    .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
]
package.products.append(.library(name: "MFAWebAuthn", targets: ["MFAWebAuthn"]))
package.targets += [
    .target(
        name: "MFAWebAuthn",
        dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "X509", package: "swift-certificates"),
        ]
    ),
    .testTarget(
        name: "MFAWebAuthnTests",
        dependencies: [
            "MFAWebAuthn", "MFATestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "X509", package: "swift-certificates"),
        ],
        exclude: ["Vectors"]
    ),
]
