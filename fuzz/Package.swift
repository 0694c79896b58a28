// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for the pure text core, the command-line and configuration readers, the web face's drawing, the cluster's database address and a host's cache of the other hosts' records. A package of its own because the sanitizer
// flags apply to a whole build: `make fuzz` builds it with
// `-Xswiftc -sanitize=fuzzer,address` into its own scratch folder, and `make test` never
// sees it. Each target's `main` hands its test function to libFuzzer's driver.
let package = Package(
    name: "claimwatch-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "claimwatch", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + ["decoder", "html", "json", "sentences", "claims", "stories", "overlap"].map { fuzzTarget($0, product: "ClaimwatchTextCore") }
        + ["time", "config", "web"].map { fuzzTarget($0, product: "ClaimwatchParsers") }
        + ["database", "followed"].map { fuzzTarget($0, product: "ClaimwatchCluster") }
)

func fuzzTarget(_ name: String, product: String) -> Target {
    .executableTarget(
        name: "fuzz-\(name)",
        dependencies: ["FuzzDriver", .product(name: product, package: "claimwatch")],
        path: "Sources/fuzz-\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}
