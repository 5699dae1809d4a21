// swift-tools-version: 6.0
import PackageDescription

// Layering is one-way: ScopeModel ← ScopeAnalysis ← ScopeRender/ScopeReport ← cuiscope.
// See docs/architecture.md.
let package = Package(
    name: "cuiscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cuiscope", targets: ["cuiscope"]),
        .library(name: "ScopeModel", targets: ["ScopeModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTML report's template engine: escapes every value by default, no dependencies of its own.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "ScopeModel"),
        .target(name: "ScopeAnalysis", dependencies: ["ScopeModel"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "ScopeRender", dependencies: ["ScopeModel", "ScopeAnalysis", "CGraphviz"]),
        .target(
            name: "ScopeReport",
            dependencies: ["ScopeModel", "ScopeAnalysis", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "cuiscope",
            dependencies: [
                "ScopeModel", "ScopeAnalysis", "ScopeRender", "ScopeReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Run on purpose (`make bench`), never from `make test`.
        .executableTarget(name: "ScopeBench", dependencies: ["ScopeModel", "ScopeAnalysis", "ScopeRender"], path: "Benchmarks/ScopeBench"),
        // libFuzzer targets (`make fuzz`); a stub in ordinary builds, never run from `make test`.
        .executableTarget(name: "ScopeFuzz", dependencies: ["ScopeModel", "ScopeAnalysis"], path: "Fuzz/ScopeFuzz"),
        .testTarget(name: "ScopeModelTests", dependencies: ["ScopeModel"]),
        .testTarget(name: "ScopeAnalysisTests", dependencies: ["ScopeAnalysis"]),
        .testTarget(name: "ScopeRenderTests", dependencies: ["ScopeRender", "ScopeAnalysis", "ScopeModel"]),
        .testTarget(
            name: "ScopeReportTests",
            dependencies: ["ScopeReport", "ScopeAnalysis", "ScopeModel", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "CLITests", dependencies: ["ScopeModel"]),
    ]
)
