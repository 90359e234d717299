// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "Engine", dependencies: ["CKernels"]),
        .target(name: "Notebook", dependencies: ["CCmarkGFM", "Yams"]),
        .target(
            name: "NNLang", dependencies: ["Engine", "Notebook"],
            // The tree-walker touches class properties on every node; run-time exclusivity
            // checks cost ~12% there. Debug builds (and so the tests) keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "Site", dependencies: ["Notebook", "NNLang"]),
        .target(
            name: "LecternCLI",
            dependencies: ["Site", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "lectern", dependencies: ["LecternCLI"]),
        .executableTarget(name: "lectern-bench", dependencies: ["Engine", "NNLang"], path: "Benchmarks/lectern-bench"),
        // libFuzzer target (README, Development); built normally it replays inputs.
        .executableTarget(name: "lectern-fuzz", dependencies: ["NNLang", "Notebook"], path: "Fuzz"),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLangTests", dependencies: ["NNLang"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"], resources: [.copy("Fixtures"), .copy("Snapshots")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "LecternCLI"], resources: [.copy("Fixtures")]),
    ]
)
