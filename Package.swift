// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mlboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mlboard", targets: ["mlboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(name: "BoardCore"),
        .target(name: "CPosix"),
        .target(
            name: "BoardStore",
            dependencies: [
                "BoardCore", "CPosix",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "BoardPostgres",
            dependencies: ["BoardCore", "BoardStore", "BoardNetwork", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "BoardNetwork",
            dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
        .target(name: "BoardDemo", dependencies: ["BoardCore"]),
        .target(name: "BoardReports", dependencies: ["BoardCore"]),
        .target(
            name: "BoardExchange",
            dependencies: ["BoardCore", "BoardStore", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "BoardHooks",
            dependencies: [
                "BoardCore", "BoardStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "BoardMLflow",
            // AsyncHTTPClient rather than URLSession: FoundationNetworking links libcurl, whose
            // thirty shared libraries cost every command about 7 ms to load (docs/FIGURES.md).
            dependencies: [
                "BoardCore", "BoardStore", "BoardNetwork",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "BoardTUI",
            dependencies: [
                "BoardCore", "BoardStore", "CNCurses", "CPosix",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemes"]
        ),
        .executableTarget(name: "ThemeEmbedder", path: "Plugins/ThemeEmbedder"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(
            name: "mlboard",
            dependencies: [
                "BoardCore", "BoardStore", "BoardTUI", "BoardDemo", "BoardReports", "BoardExchange", "BoardHooks", "BoardMLflow", "BoardPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in: loading and relocating their shared
            // libraries (ICU's most of all) was most of a small command's time (docs/FIGURES.md).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            // Nothing loads plugins into mlboard, so it exports no symbols: swiftc's default
            // -export-dynamic put 46,000 in its dynamic table, which the loader and the runtime's
            // dladdr walk at every start. Linked at a fixed address (no PIE), the 140,000 pointers
            // in its metadata are set by the linker instead of by the loader at every start; the
            // price is that its own code is not placed at a random address (libraries, heap and
            // stack still are).
            linkerSettings: [.unsafeFlags(
                ["-static-stdlib", "-Xlinker", "--no-export-dynamic", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "mlboard-bench",
            dependencies: ["BoardCore", "BoardStore", "BoardTUI", "BoardDemo", "CSQLite", "CPosix", "TestSupport", "BoardPostgres", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Sources/MLBoardBench"
        ),
        .testTarget(
            name: "BoardCoreTests",
            dependencies: [
                "BoardCore", "BoardDemo",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "BoardDemoTests", dependencies: ["BoardCore", "BoardDemo"]),
        .testTarget(name: "PostgresTests", dependencies: ["BoardCore", "BoardStore", "BoardPostgres", "BoardDemo", "TestSupport"]),
        .target(name: "TestSupport", dependencies: ["BoardCore", "BoardStore", "BoardPostgres"], path: "Tests/Support"),
        .testTarget(name: "BoardStoreTests", dependencies: ["BoardCore", "BoardStore", "BoardDemo", "TestSupport"]),
        .testTarget(name: "BoardTUITests", dependencies: ["BoardTUI", "BoardCore", "BoardDemo", "TestSupport"], resources: [.copy("Snapshots")]),
        .testTarget(name: "CLITests", dependencies: ["BoardCore", "BoardStore", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["BoardCore", "BoardDemo", "BoardReports"], resources: [.copy("Expected")]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "MLflowBridgeTests",
            dependencies: ["BoardCore", "BoardStore", "BoardMLflow", "TestSupport"],
            resources: [.copy("Python")]
        ),
        .testTarget(name: "ReliabilityTests", dependencies: ["BoardCore", "BoardStore", "BoardTUI", "BoardDemo", "TestSupport"]),
    ]
)

// Code that names a generic type (Dictionary<String, Project>) asks the runtime for it by its
// mangled name by default; the runtime then finds the conformances the type needs by scanning all
// 11,000 of the program's, once for each. With this flag the compiler calls the type's metadata
// accessor with the conformances it already knows (docs/FIGURES.md has what it saves).
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
    ]
}
