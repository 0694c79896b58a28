// swift-tools-version:6.2
import PackageDescription

// Every target builds in Swift 6 language mode (the tools version's default) with
// these upcoming features on, so the code reads the same way everywhere.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "claimwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "claimwatchd", targets: ["claimwatchd"]),
        .executable(name: "claimwatch", targets: ["claimwatch"]),
        .executable(name: "claimwatch-bench", targets: ["claimwatch-bench"]),
        // The pure text core, for the libFuzzer package under fuzz/ (and nothing else).
        .library(name: "ClaimwatchTextCore", targets: ["ArticleText", "Claims", "Fingerprint", "Stories"]),
        // The command-line and configuration readers and the web face's drawing, for the same
        // package (and nothing else).
        .library(name: "ClaimwatchParsers", targets: ["EventLog", "Daemon", "WebDrawing"]),
        // The cluster's database address reader, for the same package (it links PostgresNIO,
        // which the other fuzz targets need not build).
        .library(name: "ClaimwatchCluster", targets: ["ClusterStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // The web face's HTTP server; its default traits (swift-configuration, full
        // Foundation) are left off: nothing here uses them, and CI builds every package anew.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The cluster mode's PostgreSQL client; swift-nio-ssl is in the graph through it, and
        // named for the TLS types its configuration takes.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
        // Errno, the one type for a failed system call's cause; SwiftNIO already brings the package in.
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
    ],
    targets: [
        // C stays in its box: only Watcher imports libinotifytools.
        .systemLibrary(name: "CInotifyTools", path: "Sources/CInotifyTools"),
        // glibc calls hidden behind _GNU_SOURCE.
        .target(name: "CLinuxShims"),
        // SHA-256 on the x86 SHA extensions, for the pure Fingerprint core: no system calls.
        .target(name: "CSHA256"),
        // SQLite for the query store, wrapped once and used only by Store.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // Pure core: bytes and strings in, values out.
        .target(name: "ArticleText", swiftSettings: strict),
        .target(name: "Fingerprint", dependencies: ["ArticleText", "CLinuxShims", "CSHA256"], swiftSettings: strict),
        .target(name: "Claims", dependencies: ["ArticleText"], swiftSettings: strict),
        // Stories: which articles tell the same story, from their words, names and dates.
        .target(name: "Stories", dependencies: ["ArticleText"], swiftSettings: strict),
        .target(name: "Ledger", dependencies: ["Stories", "EventLog"], swiftSettings: strict),
        // How answers are written for people and spreadsheets: tables fitted to a terminal,
        // CSV, counts in words.
        .target(name: "ConsoleOutput", dependencies: ["EventLog"], swiftSettings: strict),
        // The seeded generator the benchmarks and the generated test inputs share.
        .target(name: "SeededRandom", swiftSettings: strict),

        // Edges that touch the operating system.
        .target(name: "EventLog", dependencies: [.product(name: "SystemPackage", package: "swift-system")], swiftSettings: strict),
        .target(name: "Store", dependencies: ["CSQLite", "EventLog", "Ledger", "Stories"], swiftSettings: strict),
        // The cluster mode's shared database: PostgreSQL through PostgresNIO, which no other
        // module imports.
        .target(
            name: "ClusterStore",
            dependencies: [
                "EventLog",
                "Fingerprint",
                "Ingest",
                "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Watcher",
            dependencies: [
                "CInotifyTools",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Ingest",
            dependencies: [
                "ArticleText", "Fingerprint", "Claims", "EventLog", "Watcher", "CLinuxShims", "Ledger", "Stories", "Store", "ConsoleOutput",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),

        // The daemon as a library: configuration, systemd integration, the service group.
        .target(
            name: "Daemon",
            dependencies: [
                "Ingest", "EventLog", "Watcher",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),

        // What the web face draws, with no server: the HTML type that escapes, links, the
        // topic chart, the claims highlighted in a text (pure, so the fuzz package takes it).
        .target(name: "WebDrawing", dependencies: ["EventLog", "Store", "Ledger", "Stories", "ConsoleOutput"], swiftSettings: strict),
        // The web face: `claimwatch serve`, pages drawn on the server over the query store,
        // the JSON API and the live stream. Reads only.
        .target(
            name: "Web",
            dependencies: [
                "WebDrawing", "EventLog", "Store", "Ingest", "ConsoleOutput",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // Thin executables.
        .executableTarget(
            name: "claimwatchd",
            dependencies: [
                "Daemon", "ClusterStore", "Ingest", "EventLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "claimwatch",
            dependencies: [
                "EventLog", "Ingest", "Watcher", "Store", "Ledger", "ArticleText", "ConsoleOutput", "Web", "ClusterStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "claimwatch-bench",
            dependencies: [
                "EventLog", "ArticleText", "Fingerprint", "Claims", "Store", "Ledger", "SeededRandom", "Ingest", "Stories", "Web",
                "ClusterStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // What every suite shares: temporary folders, the built executables and child processes.
        .target(name: "TestSupport", dependencies: ["CLinuxShims"], path: "Tests/TestSupport", swiftSettings: strict),
        // A real PostgreSQL for the tests, started by them (initdb and pg_ctl into /tmp).
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport", swiftSettings: strict),
        .testTarget(name: "ClusterStoreTests", dependencies: ["ClusterStore", "EventLog", "Ingest", "PostgresTestSupport", "Store",
                                                             .product(name: "Logging", package: "swift-log")],
                    swiftSettings: strict),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "WatcherTests",
            dependencies: ["Watcher", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: ["Daemon", "Watcher", "Ingest", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText"], swiftSettings: strict),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims", "ArticleText", "SeededRandom"], swiftSettings: strict),
        .testTarget(name: "FingerprintTests", dependencies: ["Fingerprint", "ArticleText", "SeededRandom"], swiftSettings: strict),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Stories", "EventLog"], swiftSettings: strict),
        .testTarget(name: "StoriesTests", dependencies: ["Stories"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Ledger", "EventLog", "ConsoleOutput", "TestSupport"], swiftSettings: strict),
        // ClusterStore and a real PostgreSQL for the pipeline's late verdicts, judged by the
        // real reserver on a real server (the pipeline runs and examples are this suite's).
        .testTarget(
            name: "IngestTests",
            dependencies: [
                "Ingest", "EventLog", "Watcher", "Store", "Ledger", "Fingerprint", "Claims", "ArticleText", "TestSupport",
                "ClusterStore", "PostgresTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebTests",
            dependencies: ["Web", "WebDrawing", "EventLog", "Store", "Stories", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(name: "ConsoleOutputTests", dependencies: ["ConsoleOutput"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["EventLog", "CLinuxShims", "PostgresTestSupport", "TestSupport", "claimwatch", "claimwatchd"],
                    swiftSettings: strict),
    ]
)
