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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(
            name: "Engine", dependencies: ["CKernels"],
            // A training step touches graph nodes' and layers' properties thousands of times;
            // run-time exclusivity checks cost ~3% of a small network's fit. Debug keeps them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Plain display data both the language and the renderers speak (figures, numpy's printing).
        .target(name: "Display"),
        .target(name: "Notebook", dependencies: ["CCmarkGFM", "Yams", "Display"]),
        .target(
            name: "NNLang", dependencies: ["Engine", "Display", "BigInt"],
            // The tree-walker touches class properties on every node; run-time exclusivity
            // checks cost ~12% there. Debug builds (and so the tests) keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "Site", dependencies: ["Display", "Engine", "Notebook", "NNLang", "Yams"]),
        .target(
            name: "Serve",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "LecternCLI",
            dependencies: ["Site", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "lectern", dependencies: ["LecternCLI"]),
        .executableTarget(name: "lectern-bench", dependencies: ["Engine", "NNLang", "Display"], path: "Benchmarks/lectern-bench"),
        // libFuzzer target (README, Development); built normally it replays inputs.
        .executableTarget(name: "lectern-fuzz", dependencies: ["Engine", "NNLang", "Notebook", "Site"], path: "Fuzz"),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNLangTests", dependencies: ["NNLang", "Display", "Notebook", "Site"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Display", "Notebook"], resources: [.copy("Fixtures"), .copy("Snapshots")]),
        .testTarget(name: "SiteTests", dependencies: ["Display", "Site", "LecternCLI"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ServeTests", dependencies: ["Serve"]),
    ]
)
