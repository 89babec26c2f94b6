// swift-tools-version:6.1
import PackageDescription

// Layers (imports point down only; the layer-2 modules never import each other; Storage and
// AnkiPackage are the only ones that talk to SQLite, AnkiPackage only to Anki's collection file):
//   0 RecallCore, Spawning (child processes)   1 Scheduler, DeckFormat
//   2 Storage, GitSync, CodeRunner, TerminalUI, AnkiPackage
//   3 Notebook     4 ReviewUI (review screen, line mode), Workloads + recall-bench (benchmarks),
//   foundation-floor (the start-up floor recall-bench compares with)   5 recall (thin executable)

/// Where Debian puts libxml2's headers (`pkg-config --cflags libxml-2.0`).
let libxml2Headers = CSetting.unsafeFlags(["-I/usr/include/libxml2"])

let package = Package(
    name: "Recall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recall", targets: ["recall"]),
        .executable(name: "recall-bench", targets: ["recall-bench"]),
        // Library products only for Fuzz/Package.swift, whose targets drive the parsers directly.
        .library(name: "DeckFormat", targets: ["DeckFormat"]),
        .library(name: "AnkiPackage", targets: ["AnkiPackage"]),
        .library(name: "GitSync", targets: ["GitSync"]),
        .library(name: "CodeRunner", targets: ["CodeRunner"]),
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "RecallCore"),
        .target(name: "Spawning"),
        .target(name: "Scheduler", dependencies: ["RecallCore"]),
        .target(name: "DeckFormat", dependencies: ["RecallCore", "Yams"]),
        .target(
            name: "Storage",
            dependencies: [
                "RecallCore", "Scheduler", "DeckFormat", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // libgit2, cmark-gfm and zstd are loaded on first use, not linked, so a command that does
        // not need one (`recall due` needs none) does not pay for loading it at start-up: each
        // C target holds the headers and forwarders (Scripts/generate-forwarders.py).
        .target(name: "CLazyLoad"),
        .target(name: "CGit2", dependencies: ["CLazyLoad"]),
        .target(
            name: "GitSync",
            dependencies: ["RecallCore", "CGit2", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "CodeRunner", dependencies: ["RecallCore", "DeckFormat", "Spawning"]),
        // GitHub's CommonMark parser: the review screen renders cards from its tree.
        .target(name: "CCmarkGFM", dependencies: ["CLazyLoad"]),
        .target(name: "TerminalUI", dependencies: ["RecallCore", "CCmarkGFM"]),
        // libxml2's HTML parser: Anki's field HTML is read as a browser reads it. Its headers live
        // in their own folder, which pkg-config would give only together with linking it.
        .target(name: "CLibXML2", dependencies: ["CLazyLoad"], cSettings: [libxml2Headers]),
        // zstd: Anki's newer packages compress their collection, media map and media files with it.
        .target(name: "CZstd", dependencies: ["CLazyLoad"]),
        // Anki packages (.apkg/.colpkg) as values; talks to SQLite only for Anki's collection file.
        // Markdown becomes field HTML with cmark-gfm, as on the review screen; field HTML becomes
        // Markdown through libxml2's parser.
        .target(
            name: "AnkiPackage",
            dependencies: [
                "RecallCore", "CZstd", .product(name: "GRDB", package: "GRDB.swift"), "ZIPFoundation", "CCmarkGFM",
                "CLibXML2",
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]),
        .target(
            name: "Notebook",
            dependencies: [
                "RecallCore", "Spawning", "Scheduler", "DeckFormat", "Storage", "GitSync", "CodeRunner",
                "AnkiPackage",
            ]),
        .target(
            name: "ReviewUI",
            dependencies: [
                "Notebook", "TerminalUI", "RecallCore", "Scheduler", "DeckFormat", "Storage", "CodeRunner",
            ]),
        .executableTarget(
            name: "recall",
            dependencies: [
                "Notebook", "ReviewUI", "TerminalUI", "CodeRunner", "DeckFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "Workloads",
            dependencies: [
                "Notebook", "DeckFormat", "Storage", "Scheduler", "CodeRunner", "GitSync", "Spawning",
            ]),
        .executableTarget(
            name: "recall-bench",
            dependencies: [
                "Workloads", "RecallCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The start-up floor recall-bench sets `recall due` against: a program that only loads Foundation.
        .executableTarget(name: "foundation-floor"),

        .target(name: "RecallTestSupport", dependencies: ["Notebook", "Spawning"], path: "Tests/RecallTestSupport"),
        .testTarget(name: "SpawningTests", dependencies: ["Spawning"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
        .testTarget(name: "DeckFormatTests", dependencies: ["DeckFormat", "RecallTestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Scheduler", "DeckFormat", "RecallTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "RecallTestSupport", "ZIPFoundation"]),
        .testTarget(name: "CLITests", dependencies: ["RecallTestSupport"]),
        .testTarget(name: "GitSyncTests", dependencies: ["GitSync", "RecallTestSupport"]),
        .testTarget(name: "CodeRunnerTests", dependencies: ["CodeRunner", "RecallTestSupport"]),
        .testTarget(name: "ReviewUITests", dependencies: ["ReviewUI", "DeckFormat"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "RecallTestSupport"]),
        .testTarget(name: "AnkiPackageTests", dependencies: ["AnkiPackage", "RecallTestSupport", "ZIPFoundation"]),
    ]
)
